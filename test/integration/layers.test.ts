import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layer rule of ARCHITECTURE.md is a lint rule; these prove it bites. */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
const lint = async (file: string, code: string) => (await eslint.lintText(code, { filePath: file }))[0]!.messages.map((m) => m.ruleId);

describe('layer rules', () => {
  it('forbids the renderer from importing src/main', async () => {
    expect(
      await lint('src/renderer/src/probe.ts', "import { createCore } from '../../main/core';\nexport const x = createCore;\n"),
    ).toContain('import-x/no-restricted-paths');
  });

  it('forbids electron and express in the core', async () => {
    expect(await lint('src/main/core/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await lint('src/main/core/probe.ts', "import express from 'express';\nexport const x = express;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('forbids the core from importing the API layer', async () => {
    expect(
      await lint('src/main/core/probe.ts', "import { startApiServer } from '../api/server';\nexport const x = startApiServer;\n"),
    ).toContain('import-x/no-restricted-paths');
  });

  it('allows the renderer to import src/shared', async () => {
    expect(
      await lint('src/renderer/src/probe.ts', "import { operations } from '../../shared/operations';\nexport const x = operations;\n"),
    ).toEqual([]);
  });
});
