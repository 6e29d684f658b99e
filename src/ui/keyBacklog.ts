/**
 * Keys typed while the app starts wait in the terminal (stdin is raw from the first frame on,
 * cli/commands/interactive.ts) and reach Ink as one chunk: `j` Enter as "j\r", which Ink passes
 * on as one input that no key matches. The first chunk Ink reads is handed over key by key
 * instead, as if Ink had been reading all along; later reads are Ink's own.
 */

/** One key per item: an escape sequence whole (arrows, function keys), any other character alone. */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  // CSI (ESC [ … final byte), SS3 (ESC O x), ESC + one character (Alt+key), or one code point.
  const KEY = /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\x1bO[\x40-\x7e]|\x1b[\s\S]?|[\s\S]/gu;
  for (const m of chunk.matchAll(KEY)) {
    // Typed before stdin went raw, Enter went through the terminal's CR→NL translation.
    keys.push(m[0] === '\n' ? '\r' : m[0]);
  }
  return keys;
}

/** Make the first chunk read from `stdin` come out key by key (Ink reads until read() returns null). */
export function firstChunkByKeys(stdin: NodeJS.ReadStream): void {
  const read = stdin.read;
  let queue: string[] | undefined;
  stdin.read = function (this: NodeJS.ReadStream, size?: number) {
    if (!queue) {
      const chunk: unknown = read.call(this, size);
      if (chunk === null) return null;
      queue = splitKeys(String(chunk));
    }
    const key = queue.shift();
    if (!queue.length) stdin.read = read;
    return key ?? null;
  } as typeof stdin.read;
}
