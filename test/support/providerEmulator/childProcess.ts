/**
 * The emulator in its own process (`main.ts --port 0`), for benchmarks: its token pacing timers and
 * SSE writes then run on another event loop than the clients being measured.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Emulator } from './server';

export type EmulatorProcess = Pick<Emulator, 'url' | 'port' | 'baseUrls' | 'close'> & { pid: number };

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export function startEmulatorProcess(timeoutMs = 30_000): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the emulator did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the emulator exited (code ${code}) before listening: ${output}`)));
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.removeAllListeners('data');
      child.stdout.resume(); // keep draining so the child never blocks on a full pipe
      const url = match[1]!;
      resolve({
        url,
        port: Number(match[2]),
        pid: child.pid!,
        baseUrls: { openai: `${url}/v1`, anthropic: url, google: url },
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
