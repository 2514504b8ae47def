import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../../test/support/apiHarness';
import { emulatorEnv } from '../../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../../test/support/providerEmulator/server';
import { CLI_ENTRY } from '../../../../test/support/serve';

let api: ApiHarness;
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  // Base URLs at the emulator; keys only through the tools' own arguments.
  api = await startHarness({
    env: Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([name]) => name.endsWith('_BASE_URL'))),
  });
  await api.call('POST', '/v1/prompts', {
    name: 'Greeting',
    prompt: 'Say hi to {{name}}',
    configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }],
  });
});
afterAll(async () => {
  await api.close();
  await emulator.close();
});

const connect = async (headers: Record<string, string> = { authorization: `Bearer ${api.token}` }) => {
  const client = new Client({ name: 'parallax-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${api.server.url}/mcp`), { requestInit: { headers } }));
  return client;
};

const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { type: string; text: string }[])[0]!.text;

describe('MCP over Streamable HTTP', () => {
  it('lists the Promptster tools with input schemas', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['test_prompt', 'compare_prompts', 'get_history', 'list_prompts', 'list_models', 'get_usage', 'get_credits', 'export_data']),
    );
    const test = tools.find((t) => t.name === 'test_prompt')!;
    expect(test.inputSchema.required).toEqual(expect.arrayContaining(['provider', 'model', 'prompt']));
    await client.close();
  });

  it('calls tools against the core', async () => {
    const client = await connect();
    const prompts = await client.callTool({ name: 'list_prompts', arguments: {} });
    expect(JSON.parse(textOf(prompts)).data[0].name).toBe('Greeting');
    const history = await client.callTool({ name: 'get_history', arguments: { limit: 5 } });
    const body = JSON.parse(textOf(history));
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.some((entry: { endpoint: string }) => entry.endpoint === '/mcp')).toBe(true);
    await client.close();
  });

  it('tests and compares prompts with keys given as tool arguments', async () => {
    const client = await connect();
    const tested = await client.callTool({
      name: 'test_prompt',
      arguments: { provider: 'anthropic', model: 'claude-sonnet-4-5', prompt: 'Explain REST vs GraphQL', api_key: 'sk-ant-mcp' },
    });
    expect(tested.isError).toBeFalsy();
    const body = JSON.parse(textOf(tested));
    expect(body).toMatchObject({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      response: expect.any(String),
      metrics: { cost_known: true },
    });
    expect(body.metrics.estimated_cost_usd).toBeGreaterThan(0);
    expect(emulator.requests.at(-1)?.authorization).toContain('sk-ant-mcp');
    const compared = await client.callTool({
      name: 'compare_prompts',
      arguments: {
        prompt: 'Write a palindrome check',
        configurations: [
          { provider: 'openai', model: 'gpt-4o-mini' },
          { provider: 'google', model: 'gemini-2.0-flash~error=503' },
        ],
        api_keys: { openai: 'sk-mcp', google: 'AIza-mcp' },
      },
    });
    const results = JSON.parse(textOf(compared)).results;
    expect(results[0]).toMatchObject({ provider: 'openai', success: true });
    expect(results[1]).toMatchObject({ provider: 'google', success: false, error: expect.any(String) });
    const models = JSON.parse(textOf(await client.callTool({ name: 'list_models', arguments: { provider: 'anthropic' } })));
    expect(models.data.every((m: { provider: string }) => m.provider === 'anthropic')).toBe(true);
    const credits = JSON.parse(textOf(await client.callTool({ name: 'get_credits', arguments: {} })));
    expect(credits.budget).toMatchObject({ exceeded: false, used_calls: 2 });
    const usage = JSON.parse(textOf(await client.callTool({ name: 'get_usage', arguments: {} })));
    expect(usage.tier).toBe('local');
    const missingKey = await client.callTool({ name: 'test_prompt', arguments: { provider: 'openai', model: 'gpt-4o', prompt: 'hi' } });
    expect(missingKey.isError).toBe(true);
    expect(textOf(missingKey)).toContain('Missing required header: X-OPENAI-API-KEY');
    await client.close();
  });

  it('lists, reads and runs schedules, and reads their run history', async () => {
    const prompt = await api.call('POST', '/v1/prompts', { name: 'Probe', prompt: 'Ping', configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }] });
    const schedule = await api.call('POST', '/v1/schedules', { prompt_id: prompt.body.id, name: 'Hourly probe', schedule_type: 'interval', interval_minutes: 60 });
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['list_schedules', 'get_schedule', 'run_schedule', 'get_schedule_runs']));
    const listed = JSON.parse(textOf(await client.callTool({ name: 'list_schedules', arguments: {} })));
    expect(listed.data.map((s: { name: string }) => s.name)).toContain('Hourly probe');
    expect(JSON.stringify(listed)).not.toContain(schedule.body.webhook_secret);
    const got = JSON.parse(textOf(await client.callTool({ name: 'get_schedule', arguments: { id: schedule.body.id } })));
    expect(got).toMatchObject({ id: schedule.body.id, run_count: 0 });
    // No provider key is configured for this server: the run happens, and fails with the provider's reason.
    const ran = JSON.parse(textOf(await client.callTool({ name: 'run_schedule', arguments: { id: schedule.body.id } })));
    expect(ran).toMatchObject({ schedule_id: schedule.body.id, trigger_type: 'manual', status: 'failed', error: { provider: 'openai' } });
    const runs = JSON.parse(textOf(await client.callTool({ name: 'get_schedule_runs', arguments: { id: schedule.body.id, status: 'failed' } })));
    expect(runs.pagination.total).toBe(1);
    const missing = await client.callTool({ name: 'get_schedule', arguments: { id: 'nope' } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/Schedule not found/);
    await client.close();
  });

  it('answers tool errors with the REST API message', async () => {
    const client = await connect();
    const result = await client.callTool({ name: 'get_history', arguments: { limit: 500 } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('limit must be between 1 and 100');
    const bad = await client.callTool({ name: 'test_prompt', arguments: { provider: 'nope', model: 'x', prompt: 'hi' } });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/Invalid provider|provider/);
    await client.close();
  });

  it('refuses a missing token (401) and a foreign Origin (403)', async () => {
    await expect(connect({})).rejects.toMatchObject({ code: 401, message: expect.stringContaining('Missing Authorization header') });
    await expect(connect({ authorization: `Bearer ${api.token}`, origin: 'https://evil.example' })).rejects.toMatchObject({ code: 403 });
  });

  it('answers GET with 405 (stateless, no SSE stream)', async () => {
    const response = await fetch(`${api.server.url}/mcp`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(response.status).toBe(405);
  });
});

describe.skipIf(!fs.existsSync(CLI_ENTRY))('MCP over stdio (parallax mcp)', () => {
  it('serves the same tools on the data directory', async () => {
    const client = new Client({ name: 'parallax-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [CLI_ENTRY, 'mcp', '--data-dir', api.core.dataDir], stderr: 'pipe' }),
    );
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('list_prompts');
    const prompts = await client.callTool({ name: 'list_prompts', arguments: {} });
    expect(JSON.parse(textOf(prompts)).data.map((p: { name: string }) => p.name)).toContain('Greeting');
    await client.close();
  });
});
