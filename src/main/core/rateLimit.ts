import type { ApiKey } from '../../shared/operations/apiKeys';
import type { Clock } from './clock';

export const TEST_KEY_LIMIT_PER_MINUTE = 5;
const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  /** null = unlimited. */
  limit: number | null;
  remaining: number | null;
  /** When the oldest request in the window leaves it (a slot frees up). */
  resetAt: Date;
  retryAfterSeconds?: number;
}

/**
 * Per-key rolling one-minute window: test keys get 5 requests a minute (as Promptster's test keys);
 * live keys are unlimited unless the user set a per-minute limit in Settings.
 */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly liveLimit: () => number | null,
  ) {}

  limitFor(key: ApiKey): number | null {
    return key.type === 'test' ? TEST_KEY_LIMIT_PER_MINUTE : this.liveLimit();
  }

  /** Counts the request if allowed; a refused request does not use a slot. */
  take(key: ApiKey): RateDecision {
    const now = this.clock.now().getTime();
    const limit = this.limitFor(key);
    const window = (this.windows.get(key.id) ?? []).filter((t) => t > now - WINDOW_MS);
    if (limit === null) {
      this.windows.delete(key.id);
      return { allowed: true, limit: null, remaining: null, resetAt: new Date(now) };
    }
    const allowed = window.length < limit;
    if (allowed) window.push(now);
    this.windows.set(key.id, window);
    const oldest = window[0] ?? now;
    const resetAt = new Date(oldest + WINDOW_MS);
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.length),
      resetAt,
      ...(allowed ? {} : { retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) }),
    };
  }
}
