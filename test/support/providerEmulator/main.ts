/** `npm run emulator`: the provider emulator for trying the whole app with no provider account. */
import { parseArgs } from 'node:util';
import { PROVIDER_IDS } from '../../../src/shared/providers';
import { startProviderEmulator } from './server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4999' } } });
const emulator = await startProviderEmulator({ port: Number(values.port) });
process.stdout.write(`Emulator listening on ${emulator.url}\nStart Parallax with these variables to use it (any key value works):\n`);
for (const id of PROVIDER_IDS) {
  const base = id === 'anthropic' ? emulator.baseUrls.anthropic : id === 'google' ? emulator.baseUrls.google : emulator.baseUrls.openai;
  process.stdout.write(`  export ${id.toUpperCase()}_BASE_URL=${base} ${id.toUpperCase()}_API_KEY=emulator\n`);
}
process.stdout.write('Steer a reply with the model name, e.g. gpt-4o-mini~ttft=300~tps=40~len=200 or claude-sonnet-4-5~error=529\n');
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
