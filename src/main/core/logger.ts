/** Anything that looks like a secret is masked before a line is written, whatever the caller passed. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /pk_(live|test)_[A-Za-z0-9]{6,}/g,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
  /\b(xai|gsk|pplx)[-_][A-Za-z0-9_-]{8,}/g,
  /\bAIza[0-9A-Za-z_-]{20,}/g,
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createConsoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const write = (level: string, message: string) => stream.write(`${new Date().toISOString()} ${level} ${redact(message)}\n`);
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
