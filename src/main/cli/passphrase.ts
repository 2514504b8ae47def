import readline from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Asks for the vault passphrase on an interactive terminal, without echoing it. Answers undefined
 * when there is no terminal (CI, services) or the answer is empty: keys then stay in memory.
 */
export async function askPassphrase(
  question = 'Vault passphrase (Enter to keep provider keys in memory only): ',
): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  const answer = await new Promise<string>((resolve) => {
    rl.question(question, resolve);
    muted = true;
  });
  rl.close();
  process.stderr.write('\n');
  return answer || undefined;
}
