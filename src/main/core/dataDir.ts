import os from 'node:os';
import path from 'node:path';

/** `--data-dir`, else `PARALLAX_DATA_DIR`, else `$XDG_DATA_HOME/parallax`, else `~/.local/share/parallax`. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.PARALLAX_DATA_DIR) return path.resolve(env.PARALLAX_DATA_DIR);
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'parallax');
}
