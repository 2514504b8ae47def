import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { backupDatabase } from '../core/backup';
import { systemClock } from '../core/clock';
import { resolveDataDir } from '../core/dataDir';

export const BACKUP_HELP = `parallax backup [--data-dir DIR] [--out FILE]
  Copies the store with SQLite's online backup API (safe while Parallax runs); default into <data-dir>/backups,
  keeping the newest backup.keep copies.`;

export async function backup(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, out: { type: 'string' } }, strict: true });
  const core = createCore({ dataDir: resolveDataDir(values['data-dir']) });
  try {
    const result = await backupDatabase(core.db, core.dataDir, systemClock, core.settings.get().backup.keep, values.out);
    process.stdout.write(`${result.file}\n`);
    process.stderr.write(
      `Backup written (${result.bytes} bytes)${result.pruned.length ? `; removed ${result.pruned.length} older backup(s)` : ''}.\n`,
    );
  } finally {
    core.close();
  }
}
