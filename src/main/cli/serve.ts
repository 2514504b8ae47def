import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startApiServer } from '../api/server';
import { createCore } from '../core';
import { resolveDataDir } from '../core/dataDir';
import { createConsoleLogger } from '../core/logger';
import { askPassphrase } from './passphrase';
import { UsageError } from './usage';

const STOP_DEADLINE_MS = 4_500;

export const SERVE_HELP = `parallax serve [--port N] [--host 127.0.0.1] [--data-dir DIR]
  Runs the core, the local API and the web UI without Electron.`;

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

export async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const logger = createConsoleLogger();
  const dataDir = resolveDataDir(values['data-dir']);
  const passphrase = process.env.PARALLAX_VAULT_PASSPHRASE || (await askPassphrase());
  const core = createCore({ dataDir, logger, env: { ...process.env, ...(passphrase ? { PARALLAX_VAULT_PASSPHRASE: passphrase } : {}) } });
  const settings = core.settings.get();
  const server = await startApiServer({
    core,
    host: values.host ?? settings.api.host,
    port: parsePort(values.port, settings.api.port),
    rendererDir: path.join(path.dirname(fileURLToPath(import.meta.url)), '../renderer'),
  });

  core.startBackground();
  process.stdout.write(`Parallax is serving ${server.url} (data: ${dataDir})\n`);
  if (core.firstStart) process.stdout.write(`Your API key was written to ${core.firstStart.tokenFile}\n`);
  process.stdout.write(`Open the UI with this one-time link: ${server.createLoginLink()}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    setTimeout(() => {
      logger.error('could not stop in time; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // Runs in flight are cancelled and written (with their partial text) before the store closes.
    await Promise.all([server.close(), core.stopBackground(), core.engine.shutdown()]);
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
