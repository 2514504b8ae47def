/** The CLI commands and how their failures are reported; `src/main/cli.ts` runs it. */
import { AppError } from '../../shared/errors';
import { CorruptDatabaseError, NewerSchemaError, SettingsFileError, VaultError } from '../core';
import { KEYS_HELP, keys } from './keys';
import { MCP_HELP, mcp } from './mcp';
import { BACKUP_HELP, backup } from './backup';
import { VAULT_HELP, vault } from './vault';
import { SERVE_HELP, serve } from './serve';
import { UsageError } from './usage';

const HELP = `Parallax — one prompt, many models, side by side.

Usage:
  ${SERVE_HELP.replace(/\n/g, '\n  ')}
  ${KEYS_HELP.replace(/\n/g, '\n  ')}
  ${MCP_HELP.replace(/\n/g, '\n  ')}
  ${BACKUP_HELP.replace(/\n/g, '\n  ')}
  ${VAULT_HELP.replace(/\n/g, '\n  ')}
  parallax help`;

const commands: Record<string, (args: string[]) => Promise<void>> = { serve, keys, mcp, backup, vault };

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const run = commands[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    await run(args);
    return 0;
  } catch (error) {
    return report(error);
  }
}

/** Known failures get one clear line; exit codes: 64 usage, 2 data problems, 1 anything else. */
function report(error: unknown): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`parallax: ${(error as Error).message}\n\n${HELP}\n`);
    return 64;
  }
  if (
    error instanceof CorruptDatabaseError ||
    error instanceof NewerSchemaError ||
    error instanceof SettingsFileError ||
    error instanceof VaultError
  ) {
    process.stderr.write(`parallax: ${error.message}\n`);
    return 2;
  }
  if (error instanceof AppError) {
    process.stderr.write(`parallax: ${error.message}\n`);
    return 1;
  }
  process.stderr.write(`parallax: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
