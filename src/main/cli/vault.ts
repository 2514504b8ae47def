import { parseArgs } from 'node:util';
import { openDatabase } from '../core/db/open';
import { migrations } from '../core/db/migrations';
import { resolveDataDir } from '../core/dataDir';
import { rotatePassphrase } from '../core/vault/service';
import { UsageError } from './usage';

export const VAULT_HELP = `parallax vault rotate [--data-dir DIR]
  Re-encrypts every stored provider key from PARALLAX_VAULT_PASSPHRASE to PARALLAX_VAULT_NEW_PASSPHRASE, in one transaction.`;

export async function vault(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals[0] !== 'rotate') throw new UsageError('vault takes one action: rotate');
  const current = process.env.PARALLAX_VAULT_PASSPHRASE;
  const next = process.env.PARALLAX_VAULT_NEW_PASSPHRASE;
  if (!current || !next) throw new UsageError('set PARALLAX_VAULT_PASSPHRASE (current) and PARALLAX_VAULT_NEW_PASSPHRASE (new)');
  const { db } = openDatabase(resolveDataDir(values['data-dir']), migrations);
  try {
    const count = rotatePassphrase(db, current, next);
    process.stdout.write(`Re-encrypted ${count} provider key(s) under the new passphrase.\n`);
  } finally {
    db.close();
  }
}
