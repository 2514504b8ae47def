// `npm run serve|cli|emulator`: builds once if needed, then runs the headless entry.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [command] = process.argv.slice(2);
if (command === 'emulator') {
  execSync(`npx tsx test/support/providerEmulator/main.ts ${process.argv.slice(3).join(' ')}`, { stdio: 'inherit' });
  process.exit(0);
}
if (!existsSync(new URL('../out/main/cli.js', import.meta.url))) {
  process.stderr.write('Building Parallax first (npm run build)…\n');
  execSync('npm run build --silent', { stdio: 'inherit' });
}
process.argv.splice(1, 1, new URL('../bin/parallax.js', import.meta.url).pathname);
await import('../bin/parallax.js');
