import fs from 'node:fs';
import path from 'node:path';

export const TOKEN_FILE_NAME = 'api-token';

/**
 * Writes `<data-dir>/api-token` (the key and a newline, mode 0600). The text goes to a 0600 temporary
 * file first and is renamed into place, so the key is never readable by others, even for a moment.
 */
export function writeTokenFile(dataDir: string, token: string): string {
  const file = path.join(dataDir, TOKEN_FILE_NAME);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
  return file;
}
