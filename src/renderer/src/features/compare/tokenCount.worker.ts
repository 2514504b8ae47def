/**
 * Counts tokens off the main thread: gpt-tokenizer's o200k_base tables are 2.4 MB of JavaScript whose
 * compile and evaluation took a 30–60 ms task on the page (and could land in the middle of a run).
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  self.postMessage({ id, count: text ? countTokens(text) : 0 });
};
