/**
 * The field schema of decks and cards (spec.ts) checked on parsed JSON: unknown and missing
 * fields, strings, string lists, integers and sources. Each problem is reported at its path.
 */
import { hasControlCharacters } from '../text/sanitize.js';
import type { JsonPath } from './jsonloc.js';
import { deckText as t, isObject, typeName, type Report } from './problems.js';
import { MAX_TEXT, URL_PATTERN, type FieldKind, type FieldSpec } from './spec.js';
import type { CleanText } from './textCleaner.js';
import type { CardSource } from './types.js';

const ID_HINT = 'use lower-case letters, digits, ".", "_" or "-" (at most 64)';
const PATTERNS = new Map<string, RegExp>();
const patternOf = (p: string) => PATTERNS.get(p) ?? PATTERNS.set(p, new RegExp(p)).get(p)!;

/** One field's check: its clean value, or undefined after reporting why not. */
type FieldCheck = (v: unknown, spec: FieldSpec, key: string, p: JsonPath, fail: Report, text: CleanText) => unknown;

/**
 * `obj`'s fields against `fields`: the clean object, or undefined if any field failed (each
 * failure is reported). `what` names the object in messages ('deck', 'card').
 */
export function checkFields(obj: Record<string, unknown>, fields: Record<string, FieldSpec>, path: JsonPath, report: Report, text: CleanText, what: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let ok = true;
  const fail: Report = (p, m, h) => {
    ok = false;
    report(p, m, h);
  };
  const named = t().what[what] ?? what;
  for (const key of Object.keys(obj)) {
    if (key === 'cards' && what === 'deck') continue;
    // Own keys only: `key in fields` saw "__proto__", "constructor", "toString"… on Object.prototype.
    if (!Object.hasOwn(fields, key)) fail([...path, key], t().unknownField(key, named), t().allowed(Object.keys(fields).join(', ')));
  }
  for (const [key, spec] of Object.entries(fields)) {
    const v = obj[key];
    if (v === undefined) {
      if (spec.required) fail(path, t().missingField(named, key), t().fieldHint(key, spec.description));
      continue;
    }
    const value = CHECKS[spec.kind](v, spec, key, [...path, key], fail, text);
    if (value !== undefined) out[key] = value;
  }
  return ok ? out : undefined;
}

const checkStringField: FieldCheck = (v, spec, key, p, fail, text) => {
  // An id is checked as written: sanitising first turned "h31\u001b]0;…\u0007" into a valid "h31".
  if (spec.pattern && typeof v === 'string' && hasControlCharacters(v)) {
    fail(p, t().idControlCharacters(key), key === 'id' ? ID_HINT : spec.description);
    return undefined;
  }
  const s = checkString(v, p, key, fail, text);
  if (s === undefined) return undefined;
  if (spec.pattern && !patternOf(spec.pattern).test(s)) {
    fail(p, t().notValid(key, JSON.stringify(s)), key === 'id' ? t().idHint : t().fieldHint(key, spec.description));
    return undefined;
  }
  return s;
};

const checkStringList: FieldCheck = (v, spec, key, p, fail, text) => {
  if (!Array.isArray(v)) {
    fail(p, t().notStringArray(key, typeName(v)));
    return undefined;
  }
  const items = v.map((item, k) => checkString(item, [...p, k], `${key}[${k}]`, fail, text));
  if (items.some((s) => s === undefined)) return undefined;
  if (items.length < (spec.minItems ?? 0)) {
    fail(p, t().minItems(key, spec.minItems!), t().fieldHint(key, spec.description));
    return undefined;
  }
  return items;
};

const checkInteger: FieldCheck = (v, spec, key, p, fail) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < (spec.minimum ?? -Infinity) || v > (spec.maximum ?? Infinity)) {
    fail(p, t().notInteger(key, String(spec.minimum ?? '…'), String(spec.maximum ?? '…'), JSON.stringify(v)), t().fieldHint(key, spec.description));
    return undefined;
  }
  return v;
};

const checkSourceField: FieldCheck = (v, spec, key, p, fail, text) => {
  const source = checkSource(v, p, text);
  if (!source) fail(p, t().badSource, t().fieldHint(key, spec.description));
  return source;
};

const CHECKS: Record<FieldKind, FieldCheck> = { string: checkStringField, 'string[]': checkStringList, integer: checkInteger, source: checkSourceField };

/** A seed section `{seed, section}` or a reference `{url, title}` (http(s) address, no spaces); exactly those two keys. */
function checkSource(v: unknown, p: JsonPath, text: CleanText): CardSource | undefined {
  if (!isObject(v) || Object.keys(v).length !== 2) return undefined;
  const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0 && x.length <= MAX_TEXT;
  if (nonEmpty(v.seed) && nonEmpty(v.section)) return { seed: text(v.seed, p), section: text(v.section, p) };
  if (!nonEmpty(v.url) || !nonEmpty(v.title)) return undefined;
  const url = text(v.url, p);
  return patternOf(URL_PATTERN).test(url) ? { url, title: text(v.title, p).trim() } : undefined;
}

function checkString(v: unknown, path: JsonPath, key: string, fail: Report, text: CleanText): string | undefined {
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
