import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallDeadlines } from './deadlines';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CallDeadlines', () => {
  it('aborts the attempt when the caller cancels, at once', () => {
    const caller = new AbortController();
    const deadlines = new CallDeadlines(caller.signal, 10_000, 1_000);
    const attempt = deadlines.attempt();
    caller.abort();
    expect(attempt.aborted).toBe(true);
    expect(deadlines.totalExpired).toBe(false);
    deadlines.dispose();
  });

  it('aborts an attempt without a first token when its deadline passes, not one that got its token', () => {
    const deadlines = new CallDeadlines(new AbortController().signal, 10_000, 1_000);
    const first = deadlines.attempt();
    vi.advanceTimersByTime(1_000);
    expect(first.aborted).toBe(true);
    const second = deadlines.attempt();
    expect(second.aborted).toBe(false);
    deadlines.firstToken();
    vi.advanceTimersByTime(5_000);
    expect(second.aborted).toBe(false);
    expect(deadlines.totalExpired).toBe(false);
    deadlines.dispose();
  });

  it('aborts whatever is running when the total deadline passes, and every later step at once', () => {
    const deadlines = new CallDeadlines(new AbortController().signal, 3_000, 1_000);
    deadlines.attempt();
    vi.advanceTimersByTime(500);
    const wait = deadlines.wait();
    vi.advanceTimersByTime(2_000);
    expect(wait.aborted).toBe(false); // the first-token deadline does not apply to a wait
    vi.advanceTimersByTime(500);
    expect(wait.aborted).toBe(true);
    expect(deadlines.totalExpired).toBe(true);
    expect(deadlines.attempt().aborted).toBe(true);
    deadlines.dispose();
  });

  it('starts aborted when the caller already cancelled', () => {
    const caller = new AbortController();
    caller.abort();
    const deadlines = new CallDeadlines(caller.signal, 10_000, 1_000);
    expect(deadlines.attempt().aborted).toBe(true);
    deadlines.dispose();
  });

  it('leaves no timer behind once disposed', () => {
    const deadlines = new CallDeadlines(new AbortController().signal, 10_000, 1_000);
    deadlines.attempt();
    expect(vi.getTimerCount()).toBe(2);
    deadlines.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
