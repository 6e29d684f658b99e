/**
 * Answers that are one value written another way, as an interviewer hears them: a number with
 * its unit (`10초` = `10s` = `10 seconds`), a count (`3개` = `세 개` = `셋`), a version (`v29.0` =
 * `29`), a two-term sum (`128+N` = `128 + N` = `N + 128`), a memory size (`512m` = `512MB` =
 * `0.5g`). As a whole answer, or as the one value in an answer whose other words match (`--memory
 * 512MB` for `--memory 512m`).
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
  const m = /^v?(\d+(?:\.\d+){0,2})$/i.exec(text.trim());
  return m ? m[1]!.replace(/(\.0)+$/, '') : undefined;
}
/**
 * An answer is a version when it has a `v` or a dot: a bare `125` is an exit code, not `v125`.
 * At most three parts: `10.0.0.0` is an address, and `10` is not it.
 */
const isVersion = (text: string) => /^(v\d+(\.\d+){0,2}|\d+(\.\d+){1,2})$/i.test(text.trim());

/**
 * Bytes of a memory size as Docker reads it: go-units RAMInBytes (docker/go-units size.go), which
 * `docker run --memory` and its siblings parse with: binary units k/m/g/t/p, case-insensitive, an
 * optional `b` or `ib` (`512m` = `512MB` = `512MiB` = `0.5g`), one optional space; no unit is bytes.
 */
const SIZE = /^(\d+(?:\.\d+)?) ?(?:([kmgtp])(?:i?b)?|b)?$/i;
const SIZE_UNIT: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

function sizeBytes(text: string): number | undefined {
  const m = SIZE.exec(text.trim());
  return m ? Math.trunc(Number(m[1]) * (m[2] ? SIZE_UNIT[m[2].toLowerCase()]! : 1)) : undefined;
}

/** `docker run` flags whose value is such a size (docs.docker.com, "docker container run"). */
const SIZE_FLAGS = new Set(['--memory', '-m', '--memory-swap', '--memory-reservation', '--shm-size', '--kernel-memory']);

/**
 * Whether an answer is a size: its unit says so (`512MB`, `1g`, `64k`), or it is a size flag's
 * value. A bare `512m` alone stays a duration (`10m` is ten minutes to `docker logs --since`).
 */
function isSize(answer: string, flag: string | undefined): boolean {
  const m = SIZE.exec(answer.trim());
  if (!m || !/[a-z]$/i.test(answer.trim())) return false;
  return (flag !== undefined && SIZE_FLAGS.has(flag)) || !/^m$/i.test(answer.trim().slice(m[1]!.length).trim());
}

/** `128 + N` → `128+n`, and its terms sorted: a sum reads the same in either order, and `n` is the `N` it names. */
function sumKey(text: string): string | undefined {
  const m = /^([\p{L}\p{N}]+)\+([\p{L}\p{N}]+)$/u.exec(text.replace(/\s+/g, '').toLowerCase());
  return m ? [m[1]!, m[2]!].sort().join('+') : undefined;
}

/** Korean native numerals (고유어 수사) standing alone, and the forms that only come before a counter (`세 개`). */
const NATIVE_NUMERALS: Record<string, number> = { 하나: 1, 둘: 2, 셋: 3, 넷: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10 };
const NATIVE_DETERMINERS: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4 };
/**
 * Counters of a count (`3개`, `세 가지`). Not `번`: `3번` is number three (an exit code), `세 번`
 * three times; nor `번째`, an ordinal.
 */
const COUNT = /^(\d+|[가-힣]+?)\s*(개의|개|가지|명|대|층|단계|줄|장)?$/;

/**
 * The number a count says: `3개`, `세 개`, `셋`, `다섯 가지`; a bare `3` only with `bare` (the
 * typed side: `3` answers a question a `3개` answers, while an answer `1` is not a count).
 */
function countOf(text: string, bare: boolean): number | undefined {
  const m = COUNT.exec(text.trim());
  if (!m) return undefined;
  const [, word, counter] = m;
  if (/^\d+$/.test(word!)) return counter || bare ? Number(word) : undefined;
  return NATIVE_NUMERALS[word!] ?? (counter ? NATIVE_DETERMINERS[word!] : undefined);
}

/** Two counts of different numbers (`네 개` for `세 개`): another answer, never a slip of it. */
export function differentCounts(typed: string, answer: string): boolean {
  const [t, a] = [countOf(typed, true), countOf(answer, true)];
  return t !== undefined && a !== undefined && t !== a;
}

/** One value written another way. */
function sameWhole(typed: string, answer: string): boolean {
  if (isSize(answer, undefined)) return sizeBytes(typed) === sizeBytes(answer);
  const quantity = quantityKey(answer);
  if (quantity) return quantityKey(typed) === quantity;
  if (isVersion(answer)) return versionKey(typed) === versionKey(answer);
  const count = countOf(answer, false);
  if (count !== undefined) return countOf(typed, true) === count;
  const sum = sumKey(answer);
  return sum !== undefined && sumKey(typed) === sum;
}

/** A word that is a value: a number, a version (`v23`), a size or a quantity. */
const VALUE_WORD = /^v?\d/i;

/** Words split the way the CLI and Korean split them: `--memory=512m`, `-m512m`, `125번` (not `10초`, a quantity). */
function valueWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .flatMap((w) => {
      const flag = /^(--[\w-]+=|-[A-Za-z])(\d.*)$/.exec(w);
      if (flag) return [flag[1]!, flag[2]!];
      const counter = /^(\d+)([가-힣]+)$/.exec(w);
      return counter && !UNIT_KEY.has(counter[2]!) ? [counter[1]!, counter[2]!] : [w];
    });
}

/** The text around its one value word; undefined with no value or more than one (`125 127`). */
function valueParts(text: string): { head: string; value: string; tail: string; flag?: string } | undefined {
  const words = valueWords(text);
  const at = words.flatMap((w, i) => (VALUE_WORD.test(w) ? [i] : []));
  if (at.length !== 1) return undefined;
  const i = at[0]!;
  const flag = words[i - 1]?.replace(/=$/, '');
  // `--shm-size=64m` and `--shm-size 64m` have the same words around the value.
  const head = words.slice(0, i).map((w, k) => (k === i - 1 ? w.replace(/^(--[\w-]+)=$/, '$1') : w));
  return { head: head.join(' '), value: words[i]!, tail: words.slice(i + 1).join(' '), ...(flag ? { flag } : {}) };
}

/**
 * Whether the typed text is the answer's value written another way: as a whole, or as the one
 * value in it, a size or a version, with the words around it the same by `sameWords` (the judge's
 * own comparison). In code (a command line, a flag) a value is what the program parses: a size
 * is compared as bytes (go-units), nothing else (`--interval=30sec` is not `--interval=30s`).
 */
export function sameValue(typed: string, answer: string, sameWords: (typed: string, answer: string) => boolean = (a, b) => a === b, commandLine = false): boolean {
  if (sameWhole(typed, answer)) return true;
  const [t, a] = [valueParts(typed), valueParts(answer)];
  if (!t || !a || (!a.head && !a.tail)) return false;
  const around = (x: string, y: string) => (x && y ? sameWords(x, y) : x === y);
  if (!around(t.head, a.head) || !around(t.tail, a.tail)) return false;
  if (t.value === a.value) return true;
  const code = commandLine || /(^|\s)-/.test(answer);
  const sizeFlag = a.flag !== undefined && SIZE_FLAGS.has(a.flag);
  if ((sizeFlag || !code) && isSize(a.value, a.flag)) return sizeBytes(t.value) === sizeBytes(a.value);
  // A version in prose (`Docker 23` for `Docker 23.0`); a duration or a count stays as written.
  return !code && isVersion(a.value) && versionKey(t.value) === versionKey(a.value);
}

/** A question about the length of a name or a string ("최대 길이는?"): its unit is characters. */
const ASKS_LENGTH = /길이|\blength\b/i;

/** The unit a question asks in ("몇 초", "how many seconds", a length in characters), as its key. */
function askedUnit(prompt: string): string | undefined {
  const m = /몇\s*([가-힣]+)/.exec(prompt) ?? /how many (\w+)/i.exec(prompt);
  if (!m) return ASKS_LENGTH.test(prompt) ? 'char' : undefined;
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

/** A question about an exit code: `125번`, `exit 125`, `종료 코드 125` say the number. */
const ASKS_EXIT_CODE = /종료\s*(?:코드|상태)|exit\s*(?:code|status)/i;
/** A question about a Docker Engine release: `Docker 23.0`, `Docker Engine 23.0` name it. */
const ASKS_ENGINE_VERSION = /(?:docker|도커)\s*(?:engine|엔진)/i;
/** A question that asks for a version or a release: `버전 23`, `23 버전`, `version 23` say it. */
const ASKS_VERSION = /버전|릴리스|version|release/i;

/**
 * The answer with the lead word or counter an interviewer hears with it, when the question asks
 * for that kind of value: an exit code (`exit 125`, `125번`), a Docker Engine version (`Docker
 * 23.0`), a version (`23.0 버전`). Only then: `exit 0` is no answer to "which UID", nor `Docker
 * 1.35` to a Kubernetes one.
 */
export function leadWordForms(answer: string, prompt: string): string[] {
  const value = answer.trim();
  if (/^\d+$/.test(value) && ASKS_EXIT_CODE.test(prompt)) return [`${value}번`, `exit ${value}`, `exit code ${value}`, `exit status ${value}`, `종료 코드 ${value}`];
  if (!isVersion(value)) return [];
  const engine = ASKS_ENGINE_VERSION.test(prompt) ? [`Docker ${value}`, `Docker Engine ${value}`, `도커 엔진 ${value}`] : [];
  const version = ASKS_VERSION.test(prompt) ? [`버전 ${value}`, `${value} 버전`, `version ${value}`] : [];
  return [...engine, ...version];
}
