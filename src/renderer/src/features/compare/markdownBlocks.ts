/**
 * Splits a long Markdown answer into chunks at blank lines (never inside a fenced code block), each at
 * least `minChars` long, so each chunk renders as its own component: React can then yield between
 * chunks instead of parsing a whole long answer in one task.
 */
export function markdownBlocks(text: string, minChars = 1500): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let size = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    if (line.trim() === '' && fence === null && size >= minChars) {
      blocks.push(current.join('\n'));
      current = [];
      size = 0;
      continue;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}
