/** Command output. Everything printed passes sanitizeText: deck text never reaches the terminal raw. */
import { sanitizeText } from '../core/text/sanitize.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal */
  isTTY: boolean;
  /** stdin is a terminal that supports raw mode */
  stdinIsTTY: boolean;
  columns: number;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(`${sanitizeText(t)}\n`),
    err: (t) => process.stderr.write(`${sanitizeText(t)}\n`),
    isTTY: process.stdout.isTTY === true,
    // Asked only by commands that may read stdin: opening process.stdin costs a terminal 2–8 ms
    // (tty and net streams), and `amgi status` in a shell prompt never reads it.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    columns: process.stdout.columns || 80,
  };
}

/** JSON for --json output: control characters are escaped by JSON.stringify itself. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

