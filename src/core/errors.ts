/** Every error amgi raises on purpose; anything else is a bug. */
export class AmgiError extends Error {
  constructor(message: string, readonly code: string = 'AMGI_ERROR') {
    super(message);
    this.name = new.target.name;
  }
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

/** Wrong command-line usage: exit code 2. */
export class UsageError extends AmgiError {
  constructor(message: string) {
    super(message, 'USAGE');
  }
}
