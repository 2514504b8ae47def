#!/usr/bin/env node
// The `parallax` command: runs the built headless entry (plain Node, no Electron).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('parallax: the app is not built yet; run `npm run build` in the Parallax folder first.\n');
  process.exit(1);
}
await import(cli.href);
