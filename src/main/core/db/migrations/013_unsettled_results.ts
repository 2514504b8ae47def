import type { Migration } from '../migrate';

/**
 * The results a crash or kill left unsettled, found without a scan: every start marks them
 * `interrupted` (`recoverInterrupted`), and without an index that UPDATE read all of `run_results` —
 * at a million runs (2.1 M results, several GB of answers) tens of seconds on a cold disk cache,
 * before the app could open. A partial index holds only the few rows still pending or streaming.
 */
export const m013UnsettledResults: Migration = {
  name: 'unsettled_results',
  sql: `
    CREATE INDEX run_results_unsettled ON run_results (status) WHERE status IN ('pending', 'streaming');
  `,
};
