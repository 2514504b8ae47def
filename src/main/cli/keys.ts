import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { resolveDataDir } from '../core/dataDir';
import { UsageError } from './usage';

export const KEYS_HELP = `parallax keys list|create|revoke [--data-dir DIR]
  keys list                            local API keys (prefix, name, type, requests, last use)
  keys create [--name N] [--type live|test]   prints the new key once
  keys revoke <id>`;

export async function keys(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [action, id] = positionals;
  const core = createCore({ dataDir: resolveDataDir(values['data-dir']) });
  const ctx = { source: 'cli' as const };
  try {
    if (action === 'list' || action === undefined) {
      const { data } = await core.invoke('listApiKeys', {}, ctx);
      for (const key of data) {
        process.stdout.write(
          `${key.id}  ${key.prefix}…  ${key.type.padEnd(4)}  ${key.status.padEnd(7)}  ${String(key.request_count).padStart(6)} req  last ${key.last_used_at ?? 'never'}  ${key.name}\n`,
        );
      }
    } else if (action === 'create') {
      const created = await core.invoke('createApiKey', { name: values.name ?? 'CLI key', type: values.type ?? 'live' }, ctx);
      process.stdout.write(`${created.key}\n`);
      process.stderr.write(`Created ${created.type} key "${created.name}" (${created.id}). This is the only time it is shown.\n`);
    } else if (action === 'revoke') {
      if (!id) throw new UsageError('keys revoke needs the key id (see `parallax keys list`)');
      const revoked = await core.invoke('revokeApiKey', { id }, ctx);
      process.stdout.write(`Revoked ${revoked.prefix}… (${revoked.name})\n`);
    } else {
      throw new UsageError(`unknown keys action "${action}"`);
    }
  } finally {
    core.close();
  }
}
