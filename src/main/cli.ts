/** Headless entry: `parallax <command>`. Runs under plain Node; never imports Electron. */
import { main } from './cli/main';

const exitCode = await main(process.argv.slice(2));
// `serve` keeps running on its server; every other command is done once main resolves.
process.exitCode = exitCode;
