import { useEffect, useState } from 'react';
import { roughTokenCount } from '../../../../shared/tokenEstimate';
import TokenWorker from './tokenCount.worker?worker';

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (count: number) => void>();

function countInWorker(text: string): Promise<number> {
  if (!worker) {
    worker = new TokenWorker();
    worker.onmessage = (event: MessageEvent<{ id: number; count: number }>) => {
      waiting.get(event.data.id)?.(event.data.count);
      waiting.delete(event.data.id);
    };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage({ id, text });
  });
}

/**
 * The live input-token estimate: characters/4 at once, then the exact o200k_base count from a worker
 * (the newest text wins; answers for older text are ignored).
 */
export function useTokenEstimate(text: string): number {
  const [exact, setExact] = useState<{ text: string; count: number } | null>(null);
  useEffect(() => {
    let current = true;
    void countInWorker(text).then((count) => {
      if (current) setExact({ text, count });
    });
    return () => {
      current = false;
    };
  }, [text]);
  return exact?.text === text ? exact.count : roughTokenCount(text);
}
