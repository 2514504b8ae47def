import { PROVIDER_IDS } from '../../../src/shared/providers';
import type { Emulator } from './server';

/** Environment that points every provider at the emulator, with a key each (any value works there). */
export function emulatorEnv(emulator: Pick<Emulator, 'baseUrls'>, key = 'emulator-key'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const id of PROVIDER_IDS) {
    const upper = id.toUpperCase();
    env[`${upper}_BASE_URL`] =
      id === 'anthropic' ? emulator.baseUrls.anthropic : id === 'google' ? emulator.baseUrls.google : emulator.baseUrls.openai;
    env[`${upper}_API_KEY`] = key;
  }
  return env;
}
