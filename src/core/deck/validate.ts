/**
 * Deck bytes → a validated, NFC-normalised, sanitised Deck plus every problem found.
 * Pure: the caller reads the file. Deck-level problems reject the deck; a bad card is
 * skipped and reported, so one typo does not hide the rest of a deck.
 */
import { formatDeckProblem, type Location } from '../errors.js';
import { hasControlCharacters, normalizeDeckText } from '../text/sanitize.js';
import { JsonSyntaxError, parseJsonWithLocations, scanStructure, type JsonPath } from './jsonloc.js';
import { MAX_TEXT, URL_PATTERN, cardFields, deckFields, type FieldSpec } from './spec.js';
import { CARD_TYPES, type Card, type CardSource, type CardType, type Deck } from './types.js';
import { clozeGaps } from './cards.js';
import { cliText } from '../messages.js';

/** Deck problems in the active language (core/i18n/cliEn.ts `deck`). */
const t = () => cliText().deck;

export const MAX_DECK_BYTES = 20 * 1024 * 1024;

export type Severity = 'error' | 'warning';

export interface DeckProblem {
  file: string;
  severity: Severity;
  message: string;
  location?: Location;
  hint?: string;
}

export function formatProblem(p: DeckProblem): string {
  return formatDeckProblem(p.file, `${p.severity === 'warning' ? t().warning : ''}${p.message}`, p.location, p.hint);
}

export interface DeckParseResult {
  deck?: Deck;
  problems: DeckProblem[];
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function locationOfByte(bytes: Uint8Array, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) if (bytes[k] === 10) [line, lineStart] = [line + 1, k + 1];
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Decode deck bytes, refusing what is not a UTF-8 text file. */
export function decodeDeckBytes(file: string, bytes: Uint8Array): { text?: string; problem?: DeckProblem } {
  const err = (message: string, hint?: string, location?: Location) => ({ problem: { file, severity: 'error' as const, message, hint, location } });
  if (bytes.length > MAX_DECK_BYTES) {
    return err(t().tooBig((bytes.length / 1048576).toFixed(1)), t().tooBigHint);
  }
  if (bytes.length === 0) return err(t().empty, t().emptyHint);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return err(t().binary, t().binaryHint, locationOfByte(bytes, nul));
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return err(t().badUtf8, t().badUtf8Hint, locationOfByte(bytes, bad));
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is accepted
  return { text };
}

export function parseDeck(file: string, bytes: Uint8Array): DeckParseResult {
  const decoded = decodeDeckBytes(file, bytes);
  if (decoded.problem) return { problems: [decoded.problem] };
  return parseDeckText(file, decoded.text!);
}

export function parseDeckText(file: string, text: string): DeckParseResult {
  const problems: DeckProblem[] = [];
  // Fast path: JSON.parse is ~10× quicker than the locating parser, which only runs when a
  // problem needs a line and column (or JSON.parse fails and we need a good message).
  let value: unknown;
  let located: ReturnType<typeof parseJsonWithLocations> | undefined;
  const locateSlow = () => (located ??= parseJsonWithLocations(text));
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = locateSlow().value;
    } catch (e) {
      if (e instanceof JsonSyntaxError) {
        return { problems: [{ file, severity: 'error', message: t().invalidJson(e.message), location: e.location, hint: e.hint }] };
      }
      throw e;
    }
  }
  // What JSON.parse accepts silently, always looked for (one cheap pass): nesting too deep for
  // the locating parser stops here; each duplicate key is an error at its second occurrence.
  if (!located) {
    const structure = scanStructure(text);
    for (const { tooDeep: _, ...p } of structure) problems.push({ file, severity: 'error', ...p });
    if (structure.some((p) => p.tooDeep)) return { problems };
  }
  // Should the locating parser still refuse the text, problems point where it stopped.
  // Kept, so a file with many problems is not parsed again for each one.
  let refused: JsonSyntaxError | undefined;
  const locate = (path: JsonPath) => {
    if (refused) return refused.location;
    try {
      return locateSlow().locate(path);
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      refused = e;
      return e.location;
    }
  };
  const report = (path: JsonPath, message: string, hint?: string, severity: Severity = 'error') =>
    problems.push({ file, severity, message, hint, location: locate(path) });

  if (!isObject(value)) {
    report([], t().notObject(typeName(value)), t().notObjectHint);
    return { problems };
  }

  let cleanedAt: JsonPath | undefined;
  let invisibleAt: JsonPath | undefined;
  const invisible = new Set<string>();
  const text1 = (s: string, at: JsonPath) => {
    if (!cleanedAt && hasControlCharacters(s)) cleanedAt = at;
    const kinds = invisibleKinds(s);
    if (kinds.length) {
      invisibleAt ??= at;
      for (const k of kinds) invisible.add(k);
    }
    return normalizeDeckText(s);
  };

  const deckOut = checkFields(value, deckFields, [], report, text1, 'deck') as Partial<Deck> | undefined;
  const cardsValue = value.cards;
  const cards: Card[] = [];
  if (cardsValue === undefined) report([], t().missingCards, t().missingCardsHint);
  else if (!Array.isArray(cardsValue)) report(['cards'], t().cardsNotArray(typeName(cardsValue)));
  else if (cardsValue.length === 0) report(['cards'], t().cardsEmpty, t().cardsEmptyHint);
  else {
    const seen = new Map<string, number>();
    cardsValue.forEach((raw, idx) => {
      const path = ['cards', idx];
      if (!isObject(raw)) {
        report(path, t().cardNotObject(idx + 1, typeName(raw)));
        return;
      }
      const type = raw.type;
      if (typeof type !== 'string' || !(CARD_TYPES as readonly string[]).includes(type)) {
        report(
          typeof type === 'string' ? [...path, 'type'] : path,
          type === undefined ? t().noType(idx + 1) : t().unknownType(JSON.stringify(type)),
          t().useOneOf(CARD_TYPES.join(', ')),
        );
        return;
      }
      const card = checkFields(raw, CARD_FIELDS[type as CardType], path, report, text1, `card`) as Card | undefined;
      if (!card) return;
      if (!checkCardRules(card, path, report)) return;
      const dup = seen.get(card.id);
      if (dup !== undefined) {
        report([...path, 'id'], t().duplicateId(card.id, dup + 1), t().duplicateIdHint);
        return;
      }
      seen.set(card.id, idx);
      cards.push(card);
    });
  }
  if (cleanedAt) report(cleanedAt, t().controlRemoved, t().controlRemovedHint, 'warning');
  if (invisibleAt) report(invisibleAt, t().invisibleCharacters([...invisible].join(', ')), t().invisibleHint, 'warning');
  if (!deckOut || cards.length === 0) return { problems };
  const deck: Deck = { ...(deckOut as Deck), cards };
  return { deck, problems };
}

type Report = (path: JsonPath, message: string, hint?: string, severity?: Severity) => void;

function checkFields(
  obj: Record<string, unknown>,
  fields: Record<string, FieldSpec>,
  path: JsonPath,
  report: Report,
  text: (s: string, at: JsonPath) => string,
  what: string,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let ok = true;
  const fail: Report = (p, m, h) => {
    ok = false;
    report(p, m, h);
  };
  for (const key of Object.keys(obj)) {
    if (key === 'cards' && what === 'deck') continue;
    // Own keys only: `key in fields` saw "__proto__", "constructor", "toString"… on Object.prototype.
    if (!Object.hasOwn(fields, key)) {
      fail([...path, key], t().unknownField(key, t().what[what] ?? what), t().allowed(Object.keys(fields).join(', ')));
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    const v = obj[key];
    const p = [...path, key];
    if (v === undefined) {
      if (spec.required) fail(path, t().missingField(t().what[what] ?? what, key), t().fieldHint(key, spec.description));
      continue;
    }
    if (spec.kind === 'string') {
      // An id is checked as written: sanitising first turned "h31\u001b]0;…\u0007" into a valid "h31".
      if (spec.pattern && typeof v === 'string' && hasControlCharacters(v)) {
        fail(p, t().idControlCharacters(key), key === 'id' ? ID_HINT : spec.description);
        continue;
      }
      const s = checkString(v, p, key, fail, text);
      if (s === undefined) continue;
      if (spec.pattern && !patternOf(spec.pattern).test(s)) {
        fail(p, t().notValid(key, JSON.stringify(s)), key === 'id' ? t().idHint : t().fieldHint(key, spec.description));
        continue;
      }
      out[key] = s;
    } else if (spec.kind === 'string[]') {
      if (!Array.isArray(v)) {
        fail(p, t().notStringArray(key, typeName(v)));
        continue;
      }
      const items = v.map((item, k) => checkString(item, [...p, k], `${key}[${k}]`, fail, text));
      if (items.some((s) => s === undefined)) continue;
      if (items.length < (spec.minItems ?? 0)) {
        fail(p, t().minItems(key, spec.minItems!), t().fieldHint(key, spec.description));
        continue;
      }
      out[key] = items;
    } else if (spec.kind === 'integer') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < (spec.minimum ?? -Infinity) || v > (spec.maximum ?? Infinity)) {
        fail(p, t().notInteger(key, String(spec.minimum ?? '…'), String(spec.maximum ?? '…'), JSON.stringify(v)), t().fieldHint(key, spec.description));
        continue;
      }
      out[key] = v;
    } else {
      const source = checkSource(v, p, text);
      if (!source) {
        fail(p, t().badSource, t().fieldHint(key, spec.description));
        continue;
      }
      out[key] = source;
    }
  }
  return ok ? out : undefined;
}

/** A seed section `{seed, section}` or a reference `{url, title}` (http(s) address, no spaces); exactly those two keys. */
function checkSource(v: unknown, p: JsonPath, text: (s: string, at: JsonPath) => string): CardSource | undefined {
  if (!isObject(v) || Object.keys(v).length !== 2) return undefined;
  const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0 && x.length <= MAX_TEXT;
  if (nonEmpty(v.seed) && nonEmpty(v.section)) return { seed: text(v.seed, p), section: text(v.section, p) };
  if (!nonEmpty(v.url) || !nonEmpty(v.title)) return undefined;
  const url = text(v.url, p);
  return patternOf(URL_PATTERN).test(url) ? { url, title: text(v.title, p).trim() } : undefined;
}

function checkString(v: unknown, path: JsonPath, key: string, fail: Report, text: (s: string, at: JsonPath) => string): string | undefined {
  if (typeof v !== 'string') {
    fail(path, t().notString(key, typeName(v)));
    return undefined;
  }
  const s = text(v, path).trim();
  if (s.length === 0) {
    fail(path, t().emptyString(key), t().emptyStringHint);
    return undefined;
  }
  if (s.length > MAX_TEXT) {
    fail(path, t().tooLong(key, s.length, MAX_TEXT), t().splitCard);
    return undefined;
  }
  return s;
}

const ID_HINT = 'use lower-case letters, digits, ".", "_" or "-" (at most 64)';
const CARD_FIELDS = Object.fromEntries(CARD_TYPES.map((t) => [t, cardFields(t)])) as Record<CardType, Record<string, FieldSpec>>;
const PATTERNS = new Map<string, RegExp>();
const patternOf = (p: string) => PATTERNS.get(p) ?? PATTERNS.set(p, new RegExp(p)).get(p)!;

/** Rules a field-by-field check cannot express. */
function checkCardRules(card: Card, path: JsonPath, report: Report): boolean {
  if (card.type === 'cloze' && clozeGaps(card.front).length === 0) {
    report([...path, 'front'], t().noGap, t().noGapHint);
    return false;
  }
  if (card.type === 'choice' && card.distractors?.some((d) => d === card.answer)) {
    report([...path, 'distractors'], t().distractorIsAnswer, t().distractorIsAnswerHint);
    return false;
  }
  return true;
}


/**
 * Characters that show as nothing: Unicode TAG characters (U+E0000–E007F, "ASCII smuggling":
 * text a reader cannot see but a program reads) and zero-width ones (U+200B–U+200D, U+2060,
 * U+FEFF inside text). Kept in the deck (an emoji sequence joins with U+200D) but warned about.
 */
const TAG = /\uDB40[\uDC00-\uDC7F]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
/** One test per string (most have none); which kinds only on a hit. */
const INVISIBLE = /\uDB40[\uDC00-\uDC7F]|[\u200B-\u200D\u2060\uFEFF]/;

function invisibleKinds(s: string): string[] {
  if (!INVISIBLE.test(s)) return [];
  return [TAG.test(s) && 'Unicode TAG characters', ZERO_WIDTH.test(s) && 'zero-width characters'].filter((k): k is string => !!k);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  return t().types[kind] ?? kind;
}
