/**
 * Several keys can reach Ink in one read: the ones typed while the app starts (stdin is raw
 * from the first frame on, cli/commands/interactive.ts, so they wait in the terminal), and any
 * typed faster than a busy app reads them (`Space` `3` in one write). Ink passes a run of plain
 * characters on as one input, " 3", which no key matches: the keys were lost without a sign (a
 * walkthrough graded 5 of 10 cards typed quickly). So every chunk is handed to Ink key by key,
 * as if it had read each on its own. A long chunk is a paste and stays whole (a render a key
 * would make it slow), as text for whatever field has the focus.
 */

/** Longer chunks are pastes: passed on as one input. */
const PASTE_CHARS = 256;

/**
 * One key per item: an escape sequence whole (arrows, function keys), any other character alone.
 * `beforeRaw`: typed before stdin went raw, when Enter went through the terminal's CR→NL translation.
 */
export function splitKeys(chunk: string, beforeRaw = false): string[] {
  const keys: string[] = [];
  // CSI (ESC [ … final byte), SS3 (ESC O x), ESC + one character (Alt+key), or one code point.
  const KEY = /\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\x1bO[\x40-\x7e]|\x1b[\s\S]?|[\s\S]/gu;
  for (const m of chunk.matchAll(KEY)) keys.push(beforeRaw && m[0] === '\n' ? '\r' : m[0]);
  return keys;
}

/** Make every chunk read from `stdin` come out key by key (Ink reads until read() returns null). */
export function chunksByKeys(stdin: NodeJS.ReadStream): void {
  const read = stdin.read;
  const queue: string[] = [];
  // The first chunk holds what was typed during the start, partly before stdin went raw.
  let first = true;
  stdin.read = function (this: NodeJS.ReadStream, size?: number) {
    if (!queue.length) {
      const chunk: unknown = read.call(this, size);
      if (chunk === null) return null;
      const text = String(chunk);
      const beforeRaw = first;
      first = false;
      if (text.length > PASTE_CHARS) return text;
      queue.push(...splitKeys(text, beforeRaw));
    }
    return queue.shift() ?? null;
  } as typeof stdin.read;
}
