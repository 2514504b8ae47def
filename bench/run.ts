/**
 * `npm run bench`: runs every `bench:*` script of package.json one after the other (their output goes
 * to the terminal as usual), collects the figures each emits (`emitFigures` in stats.ts, JSON lines in
 * the file named by BENCH_RESULTS) and writes BENCHMARKS.md: each figure beside its baseline from the
 * same run, the ratio, the machine, the date and the commands.
 * `npm run bench -- --only api,load` runs a subset; `--out FILE` writes elsewhere.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fmt } from './stats';

interface Emitted {
  bench: string;
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number } | null;
  better: 'lower' | 'higher';
  goal?: string;
}

interface Outcome {
  script: string;
  code: number | null;
  seconds: number;
  figures: Emitted[];
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { only: { type: 'string' }, out: { type: 'string', default: 'BENCHMARKS.md' } } });
const scripts = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
)
  .filter((name) => name.startsWith('bench:'))
  .filter((name) => !values.only || values.only.split(',').includes(name.slice('bench:'.length)));

const loadBefore = os.loadavg()[0]!;
const outcomes: Outcome[] = [];
for (const script of scripts) {
  const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-')), 'figures.jsonl');
  process.stdout.write(`\n=== npm run ${script} ===\n`);
  const started = performance.now();
  const child = spawnSync('npm', ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results },
  });
  const figures = fs.existsSync(results)
    ? fs
        .readFileSync(results, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Emitted)
    : [];
  outcomes.push({ script, code: child.status, seconds: (performance.now() - started) / 1000, figures });
}

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const ratioOf = (f: Emitted) => (f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : Number.NaN);
const number = (value: number, unit: string) => `${fmt(value, unit === 'req/s' ? 0 : 2)} ${unit}`;
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench${values.only ? ` -- --only ${values.only}` : ''}\` on ${new Date().toISOString()}.`,
  '',
  `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}; 1-minute load average ${fmt(loadBefore, 1)} before the run, ${fmt(os.loadavg()[0]!, 1)} after (other work on the machine skews every figure).`,
  '',
  'Every figure is set beside a baseline measured in the same run on the same machine (ratio = figure / baseline;',
  'for req/s higher is better, for ms lower). Figures from a shared 2-core machine swing between runs: compare',
  'ratios, not absolute values, and re-run before drawing conclusions. Tests never assert timings.',
  '',
  '| command | figure | value | baseline (same run) | ratio | goal |',
  '| --- | --- | --- | --- | --- | --- |',
];
for (const outcome of outcomes) {
  const command = `\`npm run ${outcome.script}\``;
  if (outcome.code !== 0)
    lines.push(`| ${command} | **failed** (exit ${outcome.code ?? 'signal'} after ${fmt(outcome.seconds, 0)} s; see its output) | | | | |`);
  else if (outcome.figures.length === 0) lines.push(`| ${command} | no figures emitted | | | | |`);
  for (const f of outcome.figures) {
    const baseline = f.baseline ? `${number(f.baseline.value, f.unit)} (${f.baseline.name})` : '— (goal only)';
    const ratio = f.baseline ? `${fmt(ratioOf(f), 2)}×` : '—';
    lines.push(`| ${command} | ${f.name} | ${number(f.value, f.unit)} | ${baseline} | ${ratio} | ${f.goal ?? ''} |`);
  }
}
lines.push('', `Run times: ${outcomes.map((o) => `${o.script} ${fmt(o.seconds, 0)} s`).join(', ')}.`, '');
fs.writeFileSync(path.resolve(root, values.out), lines.join('\n'));
process.stdout.write(
  `\nWrote ${values.out}: ${outcomes.reduce((n, o) => n + o.figures.length, 0)} figures from ${outcomes.length} scripts\n`,
);
process.exitCode = outcomes.some((o) => o.code !== 0) ? 1 : 0;
