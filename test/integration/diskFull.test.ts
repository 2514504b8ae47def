/**
 * A full disk under the store: the data directory is a 3 MB tmpfs (mounted here; we run as root in CI),
 * nearly filled with a ballast file. Writes must fail with a clear error and roll back whole; reads go
 * on; once space is freed, writes work again and the file is intact.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { startHarness, type ApiHarness } from '../support/apiHarness';
import { emulatorEnv } from '../support/providerEmulator/env';
import { startProviderEmulator } from '../support/providerEmulator/server';

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-full-'));
let mountError: string | null = null;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'pipe' });
} catch (error) {
  mountError = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
}
if (mountError) process.stdout.write(`diskFull.test.ts skipped: cannot mount a tmpfs here (${mountError})\n`);

let api: ApiHarness | undefined;
afterAll(async () => {
  await api?.close();
  if (!mountError) execFileSync('umount', [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

const prompt = (i: number) => ({
  name: `big ${i}`,
  prompt: `${'lorem ipsum dolor sit amet '.repeat(2000)} ${i} {{x}}`,
  configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }],
});

describe.skipIf(mountError !== null)('a full disk under the store (3 MB tmpfs)', () => {
  it('refuses the write that does not fit with a clear error, keeps the store whole, and recovers once space is freed', async () => {
    const dataDir = path.join(mountPoint, 'data');
    const emulator = await startProviderEmulator();
    api = await startHarness({ dataDir, env: emulatorEnv(emulator) });
    // A run streaming while the disk fills: its checkpoints and its final write fail; the process must live on.
    const streaming = await api.call('POST', '/v1/runs', {
      prompt: 'long',
      configurations: [{ provider: 'openai', model: 'gpt-4o-mini~len=400~tps=400' }],
    });
    expect(streaming.status).toBe(202);
    const ballast = path.join(mountPoint, 'ballast');
    const free = () => {
      const stats = fs.statfsSync(mountPoint);
      return stats.bavail * stats.bsize;
    };
    fs.writeFileSync(ballast, Buffer.alloc(Math.max(0, free() - 400 * 1024)));

    const acknowledged: string[] = [];
    let refusal: { status: number; body: any } | undefined;
    for (let i = 0; i < 100 && !refusal; i++) {
      const response = await api.call('POST', '/v1/prompts', prompt(i));
      if (response.status === 201) acknowledged.push(response.body.id);
      else refusal = response;
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refusal, 'the disk never filled').toBeDefined();
    expect(refusal!.status).toBe(507);
    expect(refusal!.body.error).toMatchObject({ type: 'storage_full' });
    expect(refusal!.body.error.message).toMatch(/disk .* is full.*nothing was saved/i);
    const run = await api.call('POST', '/v1/runs', { prompt: 'x', configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }] });
    expect(run.status).toBe(507);
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the streaming run ends (and fails to be written) meanwhile

    // Reads go on; nothing half-written: every prompt has exactly its first version.
    const listed = await api.call('GET', '/v1/prompts?limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { id: string }) => p.id).sort()).toEqual([...acknowledged].sort());
    const db = api.core.db;
    expect(db.prepare('SELECT count(*) AS n FROM prompt_versions').get()).toEqual({ n: acknowledged.length });

    // Free the space: the next write works, and the file is intact.
    fs.rmSync(ballast);
    const after = await api.call('POST', '/v1/prompts', prompt(1000));
    expect(after.status).toBe(201);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM prompts').get()).toEqual({ n: acknowledged.length + 1 });
    expect((await api.call('GET', '/v1/prompts?limit=1')).status).toBe(200);

    // The run whose last write failed is not left running: the next start marks it interrupted.
    await api.close();
    api = undefined;
    await emulator.close();
    const core = createCore({ dataDir, env: {} });
    expect(['interrupted', 'completed']).toContain(core.runStore.get(streaming.body.id).status);
    core.close();
  });
});
