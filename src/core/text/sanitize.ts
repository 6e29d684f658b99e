/**
 * Deck text is untrusted: a shared deck must not retitle the terminal, write the
 * clipboard (OSC 52) or hide text. Every path that prints deck text goes through here.
 */

// ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC
// (ESC P|X|^|_ … ST) and two-byte escapes. Also their 8-bit C1 forms (0x9b CSI, 0x9d OSC…).
const SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\u0020-\u007e]?/g;
// Remaining C0 (except \t and \n), DEL and C1 controls, plus bidi overrides that can hide text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// Any character the two patterns remove, \r aside (it becomes \n): every SEQUENCE starts with
// one, so text without them is clean. One test instead of three replaces (rows are sanitised
// on every render).
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Remove terminal control sequences and control characters; keep \n and \t. */
export function sanitizeText(text: string): string {
  if (!UNSAFE.test(text) && !text.includes('\r')) return text;
  return text.replace(/\r\n?/g, '\n').replace(SEQUENCE, '').replace(CONTROL, '');
}

/** True when the text would be changed by sanitizeText (line endings aside). */
export function hasControlCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** NFC plus sanitising: the one normalisation applied to every string read from a deck. */
export function normalizeDeckText(text: string): string {
  return sanitizeText(text.normalize('NFC'));
}
