/** A mistake in the command line: printed with the usage, exit code 64 (EX_USAGE). */
export class UsageError extends Error {
  override name = 'UsageError';
}
