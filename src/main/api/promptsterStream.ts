import type { RequestHandler, Response } from 'express';
import { fromZodError, toAppError } from '../../shared/errors';
import type { RunEvent } from '../../shared/events';
import { operations } from '../../shared/operations';
import type { Run } from '../../shared/runs';
import type { Core } from '../core';
import { toCallContext } from './context';

const writeEvent = (res: Response, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * `"stream": true` on `POST /v1/prompts/test|compare`: the run's live events as Server-Sent Events
 * (`run.started`, `result.started`, `result.delta`, `result.settled`, `run.finished`), then one `result`
 * event carrying exactly the body the non-streaming call would have answered (or an `error` event).
 * Without `stream`, the request falls through to the ordinary route.
 */
export function promptsterStream(core: Core, kind: 'test' | 'compare'): RequestHandler {
  const op = kind === 'test' ? operations.testPrompt : operations.comparePrompts;
  return (req, res, next) => {
    if ((req.body as { stream?: unknown } | undefined)?.stream !== true) return next();
    const parsed = op.input.safeParse(req.body);
    if (!parsed.success) throw fromZodError(parsed.error);
    const ctx = toCallContext(req, res);
    const started =
      kind === 'test' ? core.promptster.startTest(parsed.data as never, ctx) : core.promptster.startCompare(parsed.data as never, ctx);
    const runId = started.run.id;

    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    writeEvent(res, 'run.started', { type: 'run.started', run: started.run });
    const unsubscribe = core.events.subscribe('run', (event: RunEvent) => {
      const id = 'run' in event ? event.run.id : event.run_id;
      if (id === runId && event.type !== 'run.started' && event.type !== 'run.finished') writeEvent(res, event.type, event);
    });
    res.on('close', () => {
      // A client that hangs up stops its run; what arrived is kept.
      if (!res.writableEnded) core.engine?.cancel(runId);
    });
    void started.done
      .then((run: Run) => {
        unsubscribe();
        writeEvent(res, 'run.finished', { type: 'run.finished', run });
        try {
          writeEvent(res, 'result', kind === 'test' ? core.promptster.testAnswer(run) : core.promptster.compareAnswer(run));
        } catch (error) {
          writeEvent(res, 'error', { error: toAppError(error).toBody() });
        }
      })
      .catch((error: unknown) => {
        unsubscribe();
        writeEvent(res, 'error', { error: toAppError(error).toBody() });
      })
      .finally(() => res.end());
  };
}
