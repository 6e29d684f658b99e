/**
 * Typed-answer checking, as an interviewer would judge. Technical tokens (flags, paths,
 * `host:port`, image references, digests, file names, code) are exact: their punctuation,
 * case and order are the knowledge being tested (`-p 8080:80` is not `-p 80:8080`). Plain
 * words stay forgiving: case, Korean spacing (띄어쓰기), NFC and punctuation never count (a
 * hyphen or a space inside a Latin token does: `unless-stopped`, `app-net`, `runc`), and with
 * an alias table Korean and English terms are one answer word by word
 * (`네트워크 네임스페이스` = `network namespace`), but never two English terms of a group that
 * differ as tokens (`overlay` ≠ `overlay2` ≠ `overlayfs`). One jamo or letter off in prose, or
 * two neighbouring letters swapped, is "close" and the learner decides, unless the typed word is
 * another term of the alias table (`container` for `containerd`); a slip that touches a
 * digit, a technical word or a command line is wrong (`cgroup v1`, `--int`, `dockr ps -a`).
 * An answer that is one Dockerfile instruction (`USER`) also accepts it with its argument, unless
 * the argument contradicts it (`USER root`).
 */
import { editDistance } from '../text/editDistance.js';
import { mergeAliasTables, type AliasTable } from '../search/aliases.js';
import { hasHangul, toJamo } from '../search/hangul.js';
import { diffChars, type DiffPart } from './charDiff.js';
import { differentCounts, sameValue } from './valueForms.js';

export type Verdict = 'right' | 'close' | 'wrong';

export interface TypedCheck {
  verdict: Verdict;
  /** The accepted answer the input was compared with (the nearest one). */
  expected: string;
  /** Character diff of the input against `expected`, for display. */
  diff: DiffPart[];
}

/** English near misses only count from this length: "run" vs "rm" is not a typo. */
const MIN_LATIN_NEAR_MISS = 5;
/** Longest alias term, in words, tried at one position. */
const MAX_TERM_WORDS = 4;

const PUNCT_OR_SPACE = /[\p{P}\s]+/gu;
/** Brackets and quotes around a word, and sentence punctuation after it: never part of a token. */
const LEADING = /^[(["'“‘「『（]+/u;
const TRAILING = /[)\]"'”’」』）,.;:!?。、…]+$/u;
/** Characters that make a word technical: the punctuation of paths, refs, options and code. */
const TECH_CHAR = /[:/@=_$\\{}<>|~*#`+&%]/;
/** A dot inside a word (`docker.sock`, `1.2`) or leading a file name (`.dockerignore`). */
const TECH_DOT = /[\p{L}\p{N}]\.[\p{L}\p{N}]|^\.[\p{L}\p{N}]/u;
/** A word that is only symbols and still says something (`@`, `--`, `+`). */
const SYMBOL_WORD = /^[@#$%&*+/:=<>|~\\`-]+$/;

/** A word is technical when its punctuation and case carry meaning. */
export function isTechnical(word: string): boolean {
  if (!/[A-Za-z0-9]/.test(word)) return SYMBOL_WORD.test(word);
  return word.startsWith('-') || TECH_CHAR.test(word) || TECH_DOT.test(word);
}

/** An answer reduced for comparison: plain words as keys, technical words verbatim, in order. */
export interface AnswerKey {
  /** Plain runs and technical words in order, for "right". */
  full: string;
  /** The plain runs joined (for near misses). */
  plain: string;
  /** The technical words in order. */
  tech: string[];
}

type Word = { tech: true; text: string } | { tech: false; key: string };

/** A short flag glued to its value is the spaced form (`-p8081:80` = `-p 8081:80`); `-it` stays. */
function unglue(word: string): string[] {
  const m = /^(-[A-Za-z])([^-].*)$/.exec(word);
  return m && /[\d:=/.@,]/.test(m[2]!) ? [m[1]!, m[2]!] : [word];
}

/** A hyphen between two Latin letters or digits: part of the token (`unless-stopped` is not `unlessstopped`). */
const INNER_HYPHEN = /(?<=[a-z0-9])-(?=[a-z0-9])/g;
const HYPHEN_MARK = '\u0003';

/** A plain word as lower-case letters and digits, keeping a hyphen inside a Latin token. */
function wordKey(raw: string): string {
  return raw.toLowerCase().replace(INNER_HYPHEN, HYPHEN_MARK).replace(PUNCT_OR_SPACE, '').replaceAll(HYPHEN_MARK, '-');
}

const LATIN_END = /[a-z0-9]$/;
const LATIN_START = /^[a-z0-9]/;

/**
 * Plain word keys as one key: a space between two Latin tokens splits them (`run c` is not
 * `runc`), while Korean spacing (띄어쓰기) and a Latin word beside a Korean one do not count.
 */
function joinKeys(keys: readonly string[]): string {
  let out = '';
  for (const key of keys) out += out && LATIN_END.test(out) && LATIN_START.test(key) ? ` ${key}` : key;
  return out;
}

/** Words of an answer: technical ones kept as written, plain ones as lower-case letters and digits. */
function words(text: string): Word[] {
  const out: Word[] = [];
  for (const raw of text.normalize('NFC').trim().split(/\s+/).flatMap(unglue)) {
    if (!raw) continue;
    const core = raw.replace(LEADING, '').replace(TRAILING, '');
    if (core && isTechnical(core)) out.push({ tech: true, text: core });
    else if (!core && isTechnical(raw)) out.push({ tech: true, text: raw });
    else {
      const key = wordKey(raw);
      if (key) out.push({ tech: false, key });
    }
  }
  return out;
}

const SEP = '\u0001';
const TECH_MARK = '\u0002';

/**
 * Alias groups as one code point per group: a plain word (or a run of words) that is a term
 * of a group becomes the group's mark, so both languages reduce to the same key.
 */
export interface AliasKeys {
  marks: Map<string, string>;
  /**
   * Multi-word terms spelled through other groups' words: `Docker 데몬` is the term `Docker
   * daemon` (도커 = Docker, 데몬 = daemon), so it takes that term's group, not two groups.
   */
  phrases: Map<string, string>;
  /** Longest term key, in code points (bounds the compound split). */
  longest: number;
}

const plainKey = (text: string) => joinKeys(words(text).map((w) => (w.tech ? w.text : w.key)));

const aliasCache = new WeakMap<AliasTable, AliasKeys>();

export function aliasKeys(table: AliasTable): AliasKeys {
  const cached = aliasCache.get(table);
  if (cached) return cached;
  const marks = new Map<string, string>();
  let longest = 0;
  let next = 0;
  const groups = mergeAliasTables(table);
  for (const terms of groups) {
    for (const members of judgeClasses(terms)) {
      // Supplementary private use area: one code point per class of terms, never typed.
      const mark = String.fromCodePoint(0xf0000 + next++);
      // A term of the table is prose (`copy-on-write`, `read-only`): its hyphens may be spaces.
      for (const key of members.flatMap((k) => (k.includes('-') ? [k, k.replaceAll('-', ' ')] : [k]))) {
        marks.set(key, mark);
        longest = Math.max(longest, [...key].length);
      }
    }
  }
  const phrases = new Map<string, string>();
  for (const term of groups.flat()) {
    if (!/\s/.test(term.trim())) continue;
    const mark = marks.get(plainKey(term));
    const parts = words(term).map((w) => (w.tech ? w.text : (marks.get(w.key) ?? w.key)));
    if (mark && parts.length > 1) phrases.set(joinKeys(parts), mark);
  }
  const keys = { marks, longest, phrases };
  aliasCache.set(table, keys);
  return keys;
}

const digitsOf = (key: string) => key.replace(/\D/g, '');

/**
 * Two English terms that are different tokens though a group lists them together: a changed
 * digit (`overlay`/`overlay2`, `cgroup v1`/`cgroup v2`) or a short suffix (`overlay`/`overlayfs`,
 * `pause`/`paused`). A plural `s`/`es` is the same term; a long tail is a spelled-out name
 * (`dockerd`/`Docker daemon`).
 */
function distinctTokens(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (digitsOf(a) !== digitsOf(b)) {
    const [la, lb] = [a.replace(/\d/g, ''), b.replace(/\d/g, '')];
    return la.startsWith(lb) || lb.startsWith(la);
  }
  if (!long.startsWith(short)) return false;
  const rest = long.slice(short.length);
  return rest.length <= 2 && rest !== 's' && rest !== 'es';
}

/**
 * A group split into the classes the judge treats as one answer (term keys). Search keeps the
 * whole group; the judge keeps apart English terms that are distinct tokens. A Korean term
 * names the first English class with its digits (`오버레이` = `overlay`, `오버레이2` = `overlay2`).
 */
function judgeClasses(terms: readonly string[]): string[][] {
  const latin: string[][] = [];
  const korean: string[] = [];
  for (const term of terms) {
    const key = plainKey(term);
    if (!key) continue;
    if (hasHangul(key)) {
      korean.push(key);
      continue;
    }
    const home = latin.find((c) => c.every((k) => !distinctTokens(k, key)));
    if (home) home.push(key);
    else latin.push([key]);
  }
  if (!latin.length) return korean.length ? [korean] : [];
  for (const key of korean) (latin.find((c) => digitsOf(c[0]!) === digitsOf(key)) ?? latin[0]!).push(key);
  return latin;
}

const HANGUL_WORD = /^[\p{Script=Hangul}]+$/u;

/** A Hangul compound typed without spaces (`네트워크네임스페이스`) split into terms, when it splits wholly. */
function splitCompound(word: string, aliases: AliasKeys): string | undefined {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    let hit: string | undefined;
    for (let len = Math.min(aliases.longest, chars.length - i); len >= 2 && !hit; len--) {
      const mark = aliases.marks.get(chars.slice(i, i + len).join(''));
      if (mark) {
        hit = mark;
        i += len;
      }
    }
    if (!hit) return undefined;
    out += hit;
  }
  return out;
}

/** An English plural of a term (`namespaces`) is the term, as its class already holds both. */
function pluralOf(word: string, aliases: AliasKeys): string | undefined {
  if (!/^[a-z]{4,}s$/.test(word)) return undefined;
  return aliases.marks.get(word.slice(0, -1)) ?? (word.endsWith('es') ? aliases.marks.get(word.slice(0, -2)) : undefined);
}

/** Plain words with alias terms replaced by their group's mark, longest run of words first. */
function markAliases(keys: readonly string[], aliases: AliasKeys): string[] {
  const out: string[] = [];
  for (let i = 0; i < keys.length; ) {
    let done = false;
    for (let n = Math.min(MAX_TERM_WORDS, keys.length - i); n >= 1 && !done; n--) {
      const run = keys.slice(i, i + n);
      const mark = aliases.marks.get(joinKeys(run)) ?? (n > 1 ? aliases.phrases.get(joinKeys(run.map((k) => aliases.marks.get(k) ?? k))) : undefined);
      if (mark) {
        out.push(mark);
        i += n;
        done = true;
      }
    }
    if (done) continue;
    const word = keys[i++]!;
    out.push((HANGUL_WORD.test(word) && splitCompound(word, aliases)) || pluralOf(word, aliases) || word);
  }
  return out;
}

/** The comparison key of an answer (with alias groups applied when given). */
export function answerKeyOf(text: string, aliases?: AliasKeys): AnswerKey {
  const parts: string[] = [];
  const tech: string[] = [];
  let plainRun: string[] = [];
  const flush = () => {
    if (!plainRun.length) return;
    parts.push(joinKeys(aliases ? markAliases(plainRun, aliases) : plainRun));
    plainRun = [];
  };
  for (const w of words(text)) {
    if (!w.tech) {
      plainRun.push(w.key);
      continue;
    }
    flush();
    parts.push(TECH_MARK + w.text);
    tech.push(w.text);
  }
  flush();
  return { full: parts.join(SEP), plain: parts.filter((p) => !p.startsWith(TECH_MARK)).join(''), tech };
}

/** The comparison key as one string: equal keys are the same answer. */
export function answerKey(text: string, aliases?: AliasKeys): string {
  return answerKeyOf(text, aliases).full;
}

/**
 * Both keys of an answer: as written and through the alias groups. Two answers are the same
 * when they share one (`cri o` is `CRI-O` as written, though `CRI` alone is an alias term).
 */
export function answerKeys(text: string, aliases?: AliasKeys): string[] {
  const own = answerKey(text);
  const marked = aliases ? answerKey(text, aliases) : own;
  return marked === own ? [own] : [own, marked];
}

export { hasHangul };

export { editDistance };

/** Distance used for near misses: jamo-level when Hangul is involved, else characters. */
function nearDistance(a: string, b: string): number {
  if (hasHangul(a) || hasHangul(b)) return editDistance([...toJamo(a)], [...toJamo(b)]);
  return editDistance([...a], [...b]);
}

const unseparated = (key: string) => key.replace(/[ -]/g, '');

/**
 * One plain slip: one jamo in Korean, one letter in an English answer of 5+ letters, or only
 * the hyphens and spaces inside a token (`copy on write`); never a digit (`v1` is not `v2`).
 */
function plainNearMiss(typed: string, answer: string): boolean {
  if (!typed || digitsOf(typed) !== digitsOf(answer)) return false;
  if (nearDistance(typed, answer) !== 1 && unseparated(typed) !== unseparated(answer)) return false;
  return hasHangul(answer) || [...answer].length >= MIN_LATIN_NEAR_MISS;
}

const isMark = (ch: string) => ch.codePointAt(0)! >= 0xf0000;
const marksOf = (key: string) => [...key].filter(isMark).join('');

/**
 * A typed word the alias table knows as another term than the answer's (`container` for
 * `containerd`): a different thing, not a typo, so never "close".
 */
function namesOtherTerm(typed: string, answer: string, aliases: AliasKeys): boolean {
  const answerWords = new Set(words(answer).flatMap((w) => (w.tech ? [] : [w.key])));
  const answerMarks = new Set([...answerKey(answer, aliases)].filter(isMark));
  return words(typed).some((w) => {
    if (w.tech || answerWords.has(w.key)) return false;
    const mark = aliases.marks.get(w.key);
    return mark !== undefined && !answerMarks.has(mark);
  });
}

/** An answer that is a command line (`docker pull`): its words are names to type exactly. */
const COMMAND_LINE = /^(docker|docker-compose|podman|nerdctl|ctr|crictl|kubectl|buildah|skopeo|trivy|cosign)\s/;

/**
 * A slip in prose only: technical words (flag, path, `host:port`…) must match exactly, and beside
 * a flag, or in a command line, the plain words are command names (`docker ps -a`): exact too.
 */
function isNearMiss(typed: AnswerKey, answer: AnswerKey, answerText: string): boolean {
  if (typed.tech.length !== answer.tech.length || answer.tech.some((t, i) => t !== typed.tech[i])) return false;
  if (answer.tech.some((t) => t.startsWith('-')) || COMMAND_LINE.test(answerText.trim())) return false;
  // A term of the alias table is one mark: one left out (`index` for `image index`) is a word missing, not a slip.
  if (marksOf(typed.plain) !== marksOf(answer.plain)) return false;
  return plainNearMiss(typed.plain, answer.plain);
}

/** Dockerfile instructions (Dockerfile reference): an answer that is one of them, written upper-case. */
const INSTRUCTIONS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** A user part that is root: the name `root` or UID 0 (`root`, `0`, `+0`, `root:app`, `0:0`: runc reads it with strconv.Atoi); a root group alone is not. */
const ROOT_USER = /^["']?(?:root|[+-]?0+)(?::|["']?$)/i;
/** A source that is a URL: COPY refuses it (BuildKit: "source can't be a URL for COPY"). */
const URL_SOURCE = /^["'[]*https?:\/\//i;

/**
 * An argument that makes the line the opposite of the instruction's answer: USER is asked for
 * running as someone other than root, so `USER root` or `USER 0` is not it; COPY takes no URL.
 */
function contradictingArgument(instruction: string, args: readonly string[]): boolean {
  if (instruction === 'USER') return args.some((a) => ROOT_USER.test(a));
  if (instruction === 'COPY') return args.some((a) => URL_SOURCE.test(a));
  return false;
}

/** `USER appuser` for the answer `USER`: the instruction as written in a Dockerfile, with its argument. */
function instructionWithArgument(typed: string, answer: string): boolean {
  const word = answer.trim();
  if (!INSTRUCTIONS.has(word)) return false;
  const [first, ...args] = typed.trim().split(/\s+/);
  return args.length > 0 && first!.toUpperCase() === word && !contradictingArgument(word, args);
}

/** Keys of a text: as written, and with alias groups applied (the same key without a table). */
function keysOf(text: string, aliases: AliasKeys | undefined): [AnswerKey, AnswerKey] {
  const own = answerKeyOf(text);
  return [own, aliases ? answerKeyOf(text, aliases) : own];
}

/**
 * Check a typed answer against the accepted answers (the answer first, then aliases).
 * `aliases` (from `aliasKeys`) makes the alias groups apply word by word.
 */
export function checkTyped(typed: string, accepted: readonly string[], aliases?: AliasKeys): TypedCheck {
  const input = typed.normalize('NFC').trim();
  const typedKeys = keysOf(input, aliases);
  // The words around a value (`--memory`, `Docker Engine`) compared as the whole answer would be.
  const sameWords = (a: string, b: string) => answerKey(a) === answerKey(b) || (aliases !== undefined && !COMMAND_LINE.test(b) && answerKey(a, aliases) === answerKey(b, aliases));
  let close: string | undefined;
  for (const text of accepted) {
    const keys = keysOf(text, aliases);
    // Compared kind with kind: as written, then both with alias marks.
    // A command line is names to type exactly: compared as written only (`docker images` is not `docker image`).
    const pairs = COMMAND_LINE.test(text.trim()) ? ([[typedKeys[0], keys[0]]] as const) : ([[typedKeys[0], keys[0]], [typedKeys[1], keys[1]]] as const);
    if ((typedKeys[0].full && pairs.some(([t, k]) => t.full === k.full)) || instructionWithArgument(input, text) || sameValue(input, text, sameWords, COMMAND_LINE.test(text.trim()))) {
      return { verdict: 'right', expected: text, diff: diffChars(input, text) };
    }
    if (close === undefined && pairs.some(([t, k]) => isNearMiss(t, k, text)) && !(aliases && namesOtherTerm(input, text, aliases)) && !differentCounts(input, text)) close = text;
  }
  // A near miss is shown against the form it nearly matched; a wrong (or empty, "reveal")
  // answer against the answer itself: the alias nearest to a wrong guess is not the answer.
  const expected = close ?? accepted[0] ?? '';
  return { verdict: close === undefined ? 'wrong' : 'close', expected, diff: diffChars(input, expected) };
}

/** The head term before a trailing gloss: `paused (일시 정지)` → `paused`; undefined without one. */
export function headTerm(answer: string): string | undefined {
  const m = /^(.+?)\s*[(（][^()（）]+[)）]$/u.exec(answer.trim());
  return m?.[1]?.trim() || undefined;
}
