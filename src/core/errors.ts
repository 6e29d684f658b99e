/** A registered symbol: the same in every bundle. */
const AMGI_ERROR = Symbol.for('amgi.error');

/** Every error amgi raises on purpose; anything else is a bug. */
export class AmgiError extends Error {
  constructor(message: string, readonly code: string = 'AMGI_ERROR') {
    super(message);
    this.name = new.target.name;
    (this as { [AMGI_ERROR]?: true })[AMGI_ERROR] = true;
  }
}

/**
 * `e instanceof AmgiError`, also for an error from the other build: dist/amgi-main.js (the CLI and
 * `amgi status`, one file for start-up time) and the commands in dist/commands/ each bundle
 * their own copy of these classes.
 */
export function isAmgiError(e: unknown): e is AmgiError {
  return typeof e === 'object' && e !== null && (e as { [AMGI_ERROR]?: true })[AMGI_ERROR] === true;
}

export interface Location {
  line: number;
  column: number;
}

export function formatDeckProblem(file: string, problem: string, location?: Location, hint?: string): string {
  const where = location ? `${file}:${location.line}:${location.column}` : file;
  return `${where}: ${problem}${hint ? ` (${hint})` : ''}`;
}

export class StoreError extends AmgiError {
  constructor(message: string, readonly file?: string) {
    super(message, 'STORE_ERROR');
  }
}

const USAGE = 'USAGE';

/** Wrong command-line usage: exit code 2. */
export class UsageError extends AmgiError {
  constructor(message: string) {
    super(message, USAGE);
  }
}

/** `e instanceof UsageError`, across bundles (see isAmgiError). */
export function isUsageError(e: unknown): e is UsageError {
  return isAmgiError(e) && e.code === USAGE;
}
