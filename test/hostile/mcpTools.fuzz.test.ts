import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MCP_TOOLS } from '../../src/main/api/mcp/tools';
import { startHarness, type ApiHarness } from '../support/apiHarness';
import { emulatorEnv } from '../support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';

/** Every MCP tool with random and hostile arguments: a result or a tool error with a message, never a crash or a half write. */
let api: ApiHarness;
let emulator: Emulator;
let client: Client;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  api = await startHarness({ env: emulatorEnv(emulator) });
  client = new Client({ name: 'fuzz', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${api.server.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${api.token}` } },
    }),
  );
  // A schedule for the schedule tools to reach.
  const prompt = api.core.prompts.create({ name: 'fuzz', prompt: 'hi', configurations: [{ provider: 'openai', model: 'gpt-4o-mini~len=2' }] }, 'api');
  const schedule = api.core.scheduler.create({ prompt_id: prompt.id, name: 'fuzz', schedule_type: 'webhook' });
  for (const tool of ['get_schedule', 'run_schedule', 'get_schedule_runs']) VALID[tool] = { id: schedule.id };
});
afterAll(async () => {
  await client.close();
  await api.close();
  await emulator.close();
});

const userRows = () =>
  (
    api.core.db
      .prepare(`SELECT (SELECT count(*) FROM prompts) + (SELECT count(*) FROM api_keys) + (SELECT count(*) FROM provider_keys) AS n`)
      .get() as { n: number }
  ).n;

const hostile = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('openai', 'anthropic', 'google', 'gpt-4o-mini~len=3', '__proto__', '{{x}}', '', 'x'.repeat(200_000)),
  fc.array(
    fc.record({ provider: fc.constantFrom('openai', 'google', 'nope'), model: fc.constantFrom('m~len=2', '', 'gpt-4o-mini~error=500') }),
    {
      maxLength: 12,
    },
  ),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.jsonValue(),
);

const VALID: Record<string, Record<string, unknown>> = {
  test_prompt: { provider: 'openai', model: 'gpt-4o-mini~len=3', prompt: 'hi' },
  compare_prompts: {
    prompt: 'hi',
    configurations: [
      { provider: 'openai', model: 'gpt-4o-mini~len=2' },
      { provider: 'google', model: 'gemini-2.5-flash~len=2' },
    ],
  },
};

describe.each(MCP_TOOLS.map((tool) => ({ name: tool.name, fields: Object.keys(tool.input.shape) })))(
  'MCP tool $name',
  ({ name, fields }) => {
    it('answers random arguments with a result or a clear error', async () => {
      const key = fc.oneof(fc.constantFrom(...fields, '__proto__', 'constructor', 'extra'), fc.string({ maxLength: 8 }));
      const base = VALID[name] ?? {};
      // Random dictionaries, and valid arguments with one field made hostile (so the tool itself is reached).
      const args = fc.oneof(
        fc.dictionary(key, hostile, { maxKeys: fields.length + 2 }),
        fc.tuple(key, hostile).map(([k, v]) => ({ ...base, [k]: v })),
        fc.constant(base),
      );
      const tally = { ok: 0, toolError: 0, invalidParams: 0 };
      await fc.assert(
        fc.asyncProperty(args, async (input) => {
          const before = userRows();
          let result: Awaited<ReturnType<Client['callTool']>> | undefined;
          try {
            result = await client.callTool({ name, arguments: input });
          } catch (error) {
            // The SDK refuses arguments that fail the tool's schema as invalid params (-32602), with a message.
            expect(error, String(error)).toBeInstanceOf(McpError);
            expect((error as McpError).code).toBe(-32602);
          }
          if (!result) tally.invalidParams += 1;
          else if (!result.isError) tally.ok += 1;
          else if (/-32602|Invalid arguments|Input validation error/i.test(JSON.stringify(result.content))) tally.invalidParams += 1;
          else tally.toolError += 1;
          if (result?.isError) {
            const text = (result.content as { text: string }[])[0]!.text;
            expect(text.length).toBeGreaterThan(3);
            expect(text).not.toMatch(/\bat .*\.ts:\d+|SqliteError|undefined is not/);
          }
          if (!result || result.isError) expect(userRows()).toBe(before);
        }),
        { numRuns: 30 },
      );
      process.stdout.write(`${name}: ${JSON.stringify(tally)}\n`);
      expect(tally.ok).toBeGreaterThan(0); // the tool itself was reached, not only the schema check
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await fetch(`${api.server.url}/health`)).status).toBe(200);
    });
  },
);
