import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addRun } from '../../../../test/support/runs';
import { createCore } from '../index';
import { toFtsQuery } from './ftsQuery';
import { foldedPrefix, MAX_EXPANSION } from './searchTerms';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-terms-'));
const core = createCore({ dataDir: dir });
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let runs = 0;
const add = (prompt: string, answer: string) =>
  addRun(core.runStore, `run-${++runs}`, prompt, new Date(Date.UTC(2026, 0, 1) + runs * 1000).toISOString(), [['openai', answer]]);

/** Newest first, as History lists them. */
const viaList = async (q: string) => (await core.invoke('listRuns', { q, limit: 100 }, { source: 'cli' })).data.map((run) => run.id);
const nativeMatch = core.db.prepare(`SELECT r.id FROM runs_fts f JOIN runs r ON r.seq = f.rowid WHERE runs_fts MATCH ? ORDER BY f.rowid DESC LIMIT 100`).pluck();
/** The same text through FTS5's own prefix query: what the expansion must always agree with. */
const viaFts5Prefix = (q: string) => {
  const match = toFtsQuery(q);
  return match === null ? [] : (nativeMatch.all(match) as string[]);
};

describe('prefix search through the word list', () => {
  it('expands the last word into whole words, OR-ed, and leaves what it cannot fold to FTS5', () => {
    const expand = (prefix: string) => (prefix === 'refu' ? ['refund', 'refunds'] : prefix === 'nothing' ? [] : null);
    expect(toFtsQuery('customer refu', expand)).toBe('"customer" AND ("refund" OR "refunds")');
    expect(toFtsQuery('gpt-refu', expand)).toBe('("gpt refund" OR "gpt refunds")');
    expect(toFtsQuery('nothing', expand)).toBe('"nothing"');
    expect(toFtsQuery('other', expand)).toBe('"other"*');
    expect(toFtsQuery('ref', expand)).toBe('"ref"*'); // three letters: the prefix index answers
    expect(toFtsQuery('refu ', expand)).toBe('"refu"');
    expect(foldedPrefix('Crèm')).toBe('crem');
    expect(foldedPrefix('Straß')).toBeNull();
    expect(foldedPrefix('東京')).toBeNull();
  });

  it('finds words the moment they are indexed, before and after a fold, with diacritics and other scripts', async () => {
    add('Crème brûlée for the refund desk', 'Refunded twice');
    add('Straßenbahn timetable', '東京タワー');
    expect(await viaList('creme brul')).toEqual(['run-1']);
    expect(await viaList('refunde')).toEqual(['run-1']);
    expect(await viaList('Straße')).toEqual(['run-2']);
    expect(core.searchTerms.fold()).toBeGreaterThan(0);
    expect(core.searchTerms.fold()).toBe(0);
    add('Refundable deposit', 'yes');
    expect(await viaList('refund')).toEqual(['run-3', 'run-1']);
    expect(await viaList('refunda')).toEqual(['run-3']);
    expect(await viaList('zzzz')).toEqual([]);
  });

  it(`leaves a prefix of more than ${MAX_EXPANSION} words to FTS5`, async () => {
    add(Array.from({ length: MAX_EXPANSION + 1 }, (_, i) => `manyword${i}`).join(' '), 'ok');
    expect(core.searchTerms.expand('manyword')).toBeNull();
    expect(await viaList('manywor')).toEqual([`run-${runs}`]);
  });

  it('always finds exactly what FTS5’s own prefix query finds, whatever was folded when', async () => {
    const syllables = ['ka', 'ki', 'ko', 'ra', 'ri', 'ro', 'sa', 'su', 'ta', 'to'];
    // Words of two or three syllables; searched prefixes of two (four letters): at most 11 words each, so always expanded.
    const syllable = fc.constantFrom(...syllables);
    const word = fc.array(syllable, { minLength: 2, maxLength: 3 }).map((parts) => parts.join(''));
    const prefix = fc.tuple(syllable, syllable).map((parts) => parts.join(''));
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, fc.boolean()), { minLength: 1, maxLength: 8 }), word, prefix, async (batch, first, last) => {
        expect(core.searchTerms.expand(last)).not.toBeNull();
        for (const [prompt, answer, foldAfter] of batch) {
          add(prompt, answer);
          if (foldAfter) core.searchTerms.fold();
        }
        for (const q of [last, `${first} ${last}`, `${first}-${last}`]) expect(await viaList(q)).toEqual(viaFts5Prefix(q));
      }),
      { numRuns: 60 },
    );
  });
});
