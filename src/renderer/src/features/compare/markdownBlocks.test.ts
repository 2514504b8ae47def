import { describe, expect, it } from 'vitest';
import { markdownBlocks } from './markdownBlocks';

describe('markdownBlocks', () => {
  it('keeps short answers whole', () => {
    expect(markdownBlocks('# Title\n\nOne paragraph.\n\nAnother.')).toEqual(['# Title\n\nOne paragraph.\n\nAnother.']);
  });

  it('splits long answers at blank lines into chunks of at least the minimum size, losing no line', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${'word '.repeat(20)}`);
    const text = paragraphs.join('\n\n');
    const blocks = markdownBlocks(text, 300);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks.slice(0, -1)) expect(block.length).toBeGreaterThanOrEqual(300);
    expect(blocks.join('\n\n')).toBe(text);
  });

  it('never splits inside a fenced code block, even at its blank lines', () => {
    const code = ['```ts', 'const a = 1;', '', '', 'const b = 2;', '```'].join('\n');
    const text = ['x'.repeat(50), '', code, '', 'after'].join('\n');
    const blocks = markdownBlocks(text, 10);
    expect(blocks).toContain(code);
    expect(blocks.every((b) => (b.match(/```/g) ?? []).length % 2 === 0)).toBe(true);
  });
});
