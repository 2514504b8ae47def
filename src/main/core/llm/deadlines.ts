/**
 * The deadlines of one gateway call: the caller's signal, a total deadline over every attempt and the
 * waits between them, and a first-token deadline per attempt. Each step (an attempt, a wait) gets its
 * own AbortController that any of them aborts at once.
 *
 * Plain timers and listeners rather than `AbortSignal.timeout` + `AbortSignal.any`: those cost several
 * times more per call on the path to the first token, and the timeout's timer is never cleared.
 */
export class CallDeadlines {
  private step: AbortController | null = null;
  private firstTokenTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly totalTimer: ReturnType<typeof setTimeout>;
  private totalFired = false;

  constructor(
    private readonly caller: AbortSignal,
    totalMs: number,
    private readonly firstTokenMs: number,
  ) {
    // `this` as the listener (handleEvent) and as the timers' argument: no closures to build per call.
    this.totalTimer = setTimeout(onTotal, totalMs, this);
    caller.addEventListener('abort', this, { once: true });
  }

  /** Whether the total deadline has passed. */
  get totalExpired(): boolean {
    return this.totalFired;
  }

  /** A signal for one attempt, aborted by the caller, the total deadline or the first-token deadline. */
  attempt(): AbortSignal {
    const signal = this.begin();
    if (!signal.aborted) this.firstTokenTimer = setTimeout(onFirstTokenDeadline, this.firstTokenMs, this);
    return signal;
  }

  /** A signal for the wait between attempts, aborted by the caller or the total deadline. */
  wait(): AbortSignal {
    return this.begin();
  }

  /** The first token arrived: its deadline no longer applies to this attempt. */
  firstToken(): void {
    clearTimeout(this.firstTokenTimer);
  }

  /** Clears every timer and listener; call once the call is over. */
  dispose(): void {
    clearTimeout(this.firstTokenTimer);
    clearTimeout(this.totalTimer);
    this.caller.removeEventListener('abort', this);
    this.step = null;
  }

  /** The caller aborted, or this attempt had no first token in time: stop what is running. */
  handleEvent(): void {
    this.step?.abort();
  }

  expireTotal(): void {
    this.totalFired = true;
    this.step?.abort();
  }

  private begin(): AbortSignal {
    clearTimeout(this.firstTokenTimer);
    this.step = new AbortController();
    if (this.caller.aborted || this.totalFired) this.step.abort();
    return this.step.signal;
  }
}

function onTotal(deadlines: CallDeadlines): void {
  deadlines.expireTotal();
}

function onFirstTokenDeadline(deadlines: CallDeadlines): void {
  deadlines.handleEvent();
}
