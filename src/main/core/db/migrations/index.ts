import type { Migration } from '../migrate';
import { m001Init } from './001_init';
import { m002RequestLog } from './002_request_log';
import { m003Prompts } from './003_prompts';
import { m004Runs } from './004_runs';
import { m005Traces } from './005_traces';
import { m006ProviderKeys } from './006_provider_keys';
import { m007Scheduler } from './007_scheduler';
import { m008RunsFts } from './008_runs_fts';
import { m009RunsDeleted } from './009_runs_deleted';
import { m010RunCount } from './010_run_count';
import { m011SearchTerms } from './011_search_terms';
import { m012RunsLiveSeq } from './012_runs_live_seq';
import { m013UnsettledResults } from './013_unsettled_results';

/**
 * Append-only. A released migration is never edited: add a new numbered file instead.
 * The array index + 1 is the schema version stored in `PRAGMA user_version`.
 */
export const migrations: readonly Migration[] = [m001Init, m002RequestLog, m003Prompts, m004Runs, m005Traces, m006ProviderKeys, m007Scheduler, m008RunsFts, m009RunsDeleted, m010RunCount, m011SearchTerms, m012RunsLiveSeq, m013UnsettledResults];
