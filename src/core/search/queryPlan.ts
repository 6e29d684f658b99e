/**
 * A parsed query as alternatives of slots of forms: each word with its alias and IME-off forms,
 * the words run together, typo corrections, and the fuse.js extended-search groups built from them.
 */
import type { AliasInitials, AliasLookup } from './aliases.js';
import { qwertyToHangul, toJamo } from './hangul.js';
import { makePart, type Form, type Part, type Slot } from './wordMatch.js';
import { allowedTypos } from './fuzzy.js';
import { editDistance } from '../text/editDistance.js';
import type { ParsedQuery } from './query.js';
import { type Token, tokenize } from './tokenize.js';
import { COMPARISON_FORMS, type FillerRole, fillerRole } from './fillerWords.js';

/** Costs of a query word's other forms: an alias (`Docker` for `도커`), the IME-off reading (`ehzj` → 도커). */
const ALIAS_COST = 0.1;
const IME_COST = 0.2;
/** An alias reached through a typo of its term (`쿠버네티즈` → Kubernetes): in the typo tier, as a typo. */
const ALIAS_TYPO_COST = 0.1;
/** Query words considered (a pasted paragraph is cut to these). */
const MAX_WORDS = 8;
/** fuse.js extended-search alternatives built from the words' forms. */
const MAX_GROUPS = 6;

/** A word's forms: as typed, its aliases, and the IME-off reading with its aliases. */
function wordForms(q: ParsedQuery, t: Token, aliases: AliasLookup, known: KnownWord, initials: AliasInitials): Form[] {
  const jamo = toJamo(t.key);
  const typed = makePart(jamo);
  const forms: Form[] = [{ parts: [typed], cost: 0 }];
  for (const words of aliases.get(jamo) ?? []) forms.push({ parts: words.map(makePart), cost: ALIAS_COST, synonym: true });
  // Initials of a term the cards never write: its group (`ㅇㅌㄹㅍㅇㅌ` → ENTRYPOINT). A term they
  // write is found by its initials directly, and ranks as such.
  if (typed.cho) for (const term of initials.get(jamo) ?? []) if (!known(term.key)) for (const words of term.others) forms.push({ parts: words.map(makePart), cost: ALIAS_COST, synonym: true });
  forms.push(...aliasTypoForms(jamo, aliases, known));
  const hangul = qwertyToHangul(q.text.slice(t.start, t.end));
  if (hangul) {
    const hj = tokenize(hangul).map((h) => toJamo(h.key));
    if (hj.length) forms.push({ parts: hj.map(makePart), cost: IME_COST });
    for (const words of aliases.get(hj.join('')) ?? []) forms.push({ parts: words.map(makePart), cost: IME_COST + ALIAS_COST, synonym: true });
  }
  return forms;
}

/** Whether the cards have this word (as jamo). */
export type KnownWord = (jamo: string) => boolean;

/**
 * A word a typo or two from an alias term the cards never use (`쿠버네티즈` for 쿠버네티스, while
 * the cards say Kubernetes): that term's group, in the typo tier. A term the cards use is left to
 * the typo stage, which corrects to it (`dokcer` → docker). Why: the typo stage only corrects to
 * words the cards have, so `쿠버네티즈` found nothing. Terms that share the word's first letter
 * only: a typo there is rare, and it keeps this to a few distances a key.
 */
function aliasTypoForms(jamo: string, aliases: AliasLookup, known: KnownWord): Form[] {
  const max = allowedTypos(jamo.length);
  if (max === 0 || aliases.has(jamo) || known(jamo)) return [];
  const word = [...jamo];
  const forms: Form[] = [];
  for (const [key, others] of aliases) {
    if (key[0] !== jamo[0] || Math.abs(key.length - jamo.length) > max || known(key) || editDistance(word, [...key]) > max) continue;
    for (const words of others) forms.push({ parts: words.map(makePart), cost: ALIAS_TYPO_COST, synonym: true, minTier: 2 });
  }
  return forms;
}

/**
 * An optional word (fillerWords.ts), marked so it is not highlighted. A comparing word is also
 * searched as the other ways cards say it, exact or prefix only (a typo or an infix of `vs` would
 * match anything).
 */
function optionalForms(q: ParsedQuery, t: Token, role: FillerRole, aliases: AliasLookup, known: KnownWord, initials: AliasInitials): Form[] {
  const typed = wordForms(q, t, aliases, known, initials);
  const others = role === 'comparing' ? COMPARISON_FORMS.filter((jamo) => !typed.some((f) => f.parts.length === 1 && f.parts[0]!.jamo === jamo)) : [];
  const strict = others.map((jamo): Form => ({ parts: [{ ...makePart(jamo), typos: 0, infix: false }], cost: ALIAS_COST, synonym: true }));
  return [...typed, ...strict].map((f) => ({ ...f, optional: true }));
}

/**
 * The query's free words split by what they do (fillerWords.ts), when words that mean something
 * remain: `required` must all match; `optional`, when there are such words, is the query again with
 * them, which ranks a card that also holds them first. Joining words are dropped, the last one only
 * made optional (`docker or` may be `docker orchestration` being typed).
 */
function splitFillers(free: Token[], phraseCount: number): { required: Token[]; optional?: Array<{ t: Token; role: FillerRole | undefined }> } {
  const words = free.map((t, i) => ({ t, role: fillerRole(free, i) }));
  const required = words.filter((w) => w.role === undefined).map((w) => w.t);
  if (required.length === free.length || required.length + phraseCount === 0) return { required: free };
  return { required, optional: words.filter((w, i) => w.role !== 'joining' || i === free.length - 1) };
}

/**
 * The query as alternatives: its words (each with alias and IME-off forms), the same with its
 * optional words (see splitFillers), and its words run together.
 */
export function queryAlternatives(q: ParsedQuery, aliases: AliasLookup, known: KnownWord = () => false, initials: AliasInitials = new Map()): Slot[][] {
  const { required, optional } = splitFillers(tokenize(q.text).slice(0, MAX_WORDS), q.phrases.length);
  const phraseWords = q.phrases.flatMap((p) => tokenize(p)).slice(0, MAX_WORDS);
  const exact = (t: { key: string }): Slot => [{ parts: [makePart(toJamo(t.key))], cost: 0 }];
  const slots: Slot[] = required.map((t) => wordForms(q, t, aliases, known, initials));
  slots.push(...phraseWords.map(exact));
  if (slots.length === 0) return [];
  const alternatives: Slot[][] = [slots];
  if (optional) {
    const withOptional = optional.map(({ t, role }) => (role ? optionalForms(q, t, role, aliases, known, initials) : wordForms(q, t, aliases, known, initials)));
    alternatives.unshift([...withOptional, ...phraseWords.map(exact)]);
  }
  // Two words that are one alias term (`volume bind mount`: `bind mount` is 바인드 마운트's) also
  // searched as that term with its group, the other words as they are.
  for (let i = 0; i + 1 < required.length; i++) {
    const pair = toJamo(required[i]!.key) + toJamo(required[i + 1]!.key);
    const group = aliases.get(pair);
    if (!group || required.length === 2) continue; // two words: the run-together alternative below is this
    const forms: Form[] = [{ parts: [makePart(pair)], cost: 0 }, ...group.map((words) => ({ parts: words.map(makePart), cost: ALIAS_COST, synonym: true }))];
    alternatives.push([...slots.slice(0, i), forms, ...slots.slice(i + 2)]);
  }
  if (required.length > 1) {
    // `멀티 스테이지` typed for `멀티스테이지`, and multi-word aliases (`virtual machine`).
    const compact = required.map((t) => toJamo(t.key)).join('');
    const forms: Form[] = [{ parts: [makePart(compact)], cost: 0 }];
    for (const words of aliases.get(compact) ?? []) forms.push({ parts: words.map(makePart), cost: ALIAS_COST, synonym: true });
    alternatives.push([forms, ...phraseWords.map(exact)]);
  }
  return alternatives;
}

/**
 * The form as the user meant it: a word found only with typos becomes the word it was corrected to
 * (`containred` → containerd), taken as written (a second round of typos would let `container`
 * stand for it), with that word's aliases (`kubernetse` → kubernetes, k8s).
 */
export function correctedForms(form: Form, corrections: (p: Part) => string[], aliases: AliasLookup): Form[] {
  const fix = form.parts.length === 1 ? corrections(form.parts[0]!)[0] : undefined;
  if (fix === undefined) return [form];
  const strict = (jamo: string): Part => ({ ...makePart(jamo), typos: 0 });
  return [{ ...form, parts: [strict(fix)] }, ...(aliases.get(fix) ?? []).map((words) => ({ parts: words.map(strict), cost: form.cost + ALIAS_COST, synonym: true }))];
}

/**
 * The fuse.js extended-search query: each alternative's words, one form per word, best forms first
 * (bitap fuzzy terms: measured on the relevance set, they rank better than include-matches, which
 * ignore near matches in other fields). A word found only with typos is given as the word it was
 * corrected to, so `containred` ranks like `containerd`. Phrases are include-matches in every group.
 */
export function fuseGroups(alternatives: Slot[][], corrections: (p: Part) => string[], phrases: string[]): string[][] {
  const phraseTerms = phrases.filter((p) => !/["|]/.test(p)).map((p) => `'"${toJamo(p)}"`);
  const groups: string[][] = [];
  // Each alternative gets its share, so the words-run-together one (aliases like 가상머신) is kept.
  const share = Math.max(1, Math.floor(MAX_GROUPS / alternatives.length));
  for (const slots of alternatives) {
    let combos: string[][] = [[]];
    for (const forms of slots) {
      const next: string[][] = [];
      for (const combo of combos) {
        for (const f of forms) if (next.length < share) next.push([...combo, ...f.parts.map((p) => corrections(p)[0] ?? p.jamo)]);
      }
      combos = next;
    }
    groups.push(...combos);
  }
  return groups.map((g) => [...g, ...phraseTerms]);
}
