// `npm start`: the desktop app. Where the Electron runtime cannot be obtained or started, say why in
// one line and serve the same UI headless instead.
import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronUnavailable() {
  let binary;
  try {
    binary = require('electron'); // the package exports the path of its downloaded binary
  } catch (error) {
    return `the Electron binary is not installed (${String(error.message).split('\n')[0]})`;
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return 'the Electron binary was not downloaded';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display (DISPLAY is not set)';
  return null;
}

if (!existsSync(new URL('../out/main/index.js', import.meta.url))) execSync('npm run build --silent', { stdio: 'inherit' });

const reason = electronUnavailable();
const args = reason ? ['bin/parallax.js', 'serve', ...process.argv.slice(2)] : [];
if (reason) {
  process.stdout.write(`Electron cannot start here: ${reason}. Serving the Parallax UI headless instead.\n`);
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const child = spawn(require('electron'), ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
