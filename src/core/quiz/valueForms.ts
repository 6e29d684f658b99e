/**
 * Answers that are one value written another way, as an interviewer hears them: a number with
 * its unit (`10초` = `10s` = `10 seconds`), a version (`v29.0` = `29`), a two-term sum
 * (`128+N` = `128 + N` = `N + 128`). Only when the accepted answer is such a value as a whole.
 */

/** Each unit's spellings; the first is its key. Kept to the units the bundled answers use and their neighbours. */
const UNITS: readonly (readonly string[])[] = [
  ['s', '초', 'sec', 'secs', 'second', 'seconds'],
  ['min', '분', 'm', 'mins', 'minute', 'minutes'],
  ['h', '시간', 'hr', 'hrs', 'hour', 'hours'],
  ['d', '일', 'day', 'days'],
  ['char', '자', '글자', '문자', 'chars', 'character', 'characters'],
];
const UNIT_KEY = new Map(UNITS.flatMap((names) => names.map((n) => [n, names[0]!] as const)));

const QUANTITY = /^(\d+(?:\.\d+)?)\s*([a-z]+|[가-힣]+)$/;

/** `10 sec` → `10 s`; undefined when the text is not one number with a known unit. */
function quantityKey(text: string): string | undefined {
  const m = QUANTITY.exec(text.trim().toLowerCase());
  const unit = m && UNIT_KEY.get(m[2]!);
  return unit ? `${m[1]} ${unit}` : undefined;
}

/** `v29.0` → `29`, `23.0.0` → `23`: a version without its `v` and trailing `.0`s. */
function versionKey(text: string): string | undefined {
  const m = /^v?(\d+(?:\.\d+)*)$/i.exec(text.trim());
  return m ? m[1]!.replace(/(\.0)+$/, '') : undefined;
}
/** An answer is a version when it has a `v` or a dot: a bare `125` is an exit code, not `v125`. */
const isVersion = (text: string) => /^(v\d+(\.\d+)*|\d+(\.\d+)+)$/i.test(text.trim());

/** `128 + N` → `128+N`, and its terms sorted: a sum reads the same in either order. */
function sumKey(text: string): string | undefined {
  const m = /^([\p{L}\p{N}]+)\+([\p{L}\p{N}]+)$/u.exec(text.replace(/\s+/g, ''));
  return m ? [m[1]!, m[2]!].sort().join('+') : undefined;
}

/** Whether the typed text is the answer's value written another way. */
export function sameValue(typed: string, answer: string): boolean {
  const quantity = quantityKey(answer);
  if (quantity) return quantityKey(typed) === quantity;
  if (isVersion(answer)) return versionKey(typed) === versionKey(answer);
  const sum = sumKey(answer);
  return sum !== undefined && sumKey(typed) === sum;
}

/** The unit a question asks in ("몇 초", "how many seconds"), as its key. */
function askedUnit(prompt: string): string | undefined {
  const m = /몇\s*([가-힣]+)/.exec(prompt) ?? /how many (\w+)/i.exec(prompt);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  // Korean: the unit is the word's start (`초` in `초를`, `글자까지`).
  for (const [name, key] of UNIT_KEY) if (word === name || (/[가-힣]/.test(name) && word.startsWith(name))) return key;
  return undefined;
}

/** The bare number, when the answer is a quantity in the unit the question itself names (`몇 초` → `10`). */
export function bareNumberForms(answer: string, prompt: string): string[] {
  const quantity = quantityKey(answer);
  if (!quantity) return [];
  const [number, unit] = quantity.split(' ');
  return askedUnit(prompt) === unit ? [number!] : [];
}
