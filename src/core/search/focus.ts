/**
 * How much a card is ABOUT the query, to order cards of the same tier. fuse.js scores every card
 * holding the word exactly at ~0, so on its own it cannot tell the card defining 레이어 from one
 * that mentions 레이어 three times in passing. Two query-relative signals:
 *  - level: 0 when the front or an alias IS the query (`컨테이너`; `Docker란?` for 도커), 1 when a tag
 *    or the topic is, 2 otherwise;
 *  - share: how much of the front the query's words cover, in words (a part of a word for a prefix),
 *    each query word counted once, so a short front about the term beats a long one and repeated
 *    mentions add nothing. Counted in words, not letters: `docker` and 도커 weigh the same.
 */
import { answerText, frontText } from '../deck/cards.js';
import type { Card } from '../deck/types.js';
import { toChoseong, toJamo } from './hangul.js';
import { classify, type Slot } from './wordMatch.js';
import { isParticle } from './particles.js';
import { tokenize } from './tokenize.js';

interface Word {
  key: string;
  jamo: string;
  cho: string;
}

/** A card's short fields as words, built once per card on first use. */
export interface FocusDoc {
  front: Word[];
  /** Words of the front, particles standing alone (`Docker란` → `docker`, `란`) not counted: the share's denominator. */
  frontWords: number;
  aliases: Word[][];
  /** Tags and the topic: they name the card's subject, more coarsely than the front. */
  labels: Word[][];
  /** A short answer (`overlay2` for a typed card, `Kubernetes` for a choice): the card asks for the thing itself. */
  answer: Word[];
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const t of tokenize(text)) out.push({ key: t.key, jamo: toJamo(t.key), cho: toChoseong(t.key) });
  return out;
}

/** Longer answers are explanations, not names. */
const SHORT_ANSWER = 40;

export function focusDoc(card: Card): FocusDoc {
  const front = words(frontText(card));
  const answer = answerText(card);
  const labels = [...(card.tags ?? []), ...(card.topic ? [card.topic] : [])];
  return {
    front,
    frontWords: front.filter((w) => !isParticle(w.jamo)).length,
    aliases: (card.aliases ?? []).map(words),
    labels: labels.map(words),
    answer: answer.length <= SHORT_ANSWER ? words(answer) : [],
  };
}

/** How much of the word the slot covers: 1 for the word itself (particles aside), a fraction for a prefix, 0 for no match. */
function cover(w: Word, slot: Slot, maxTier: number): number {
  let best = 0;
  for (const form of slot) {
    for (const part of form.parts) {
      const hit = classify(w.jamo, w.cho, part);
      if (!hit || hit.tier > maxTier) continue;
      best = Math.max(best, hit.tier === 0 ? 1 : hit.length / (hit.bySyllable ? w.cho.length : w.jamo.length));
    }
  }
  return best;
}

/**
 * The words are the query and nothing else: every slot is matched by one of them and each of them
 * (a particle standing alone aside) by some slot, at the card's tier or better.
 */
function isTerm(ws: Word[], slots: Slot[], maxTier: number): boolean {
  if (ws.length === 0) return false;
  const used = new Array<boolean>(ws.length).fill(false);
  for (const slot of slots) {
    let found = false;
    // A form of several words (the alias `docker hub` of 도커허브) counts only when every one of its
    // words is there: `Docker란?` holds `docker` but is not the term `도커 허브`.
    for (const form of slot) {
      const at = form.parts.map((part) => ws.findIndex((w) => cover(w, [{ parts: [part], cost: form.cost }], maxTier) > 0));
      if (at.includes(-1)) continue;
      found = true;
      for (const i of at) used[i] = true;
    }
    if (!found) return false;
  }
  return ws.every((w, i) => used[i] || isParticle(w.jamo));
}

export interface Focus {
  level: number;
  share: number;
}

/**
 * The card's focus on the query (its alternatives, each a list of slots; a word found only with
 * typos given as the word it was corrected to) at the card's tier.
 */
export function focusOn(doc: FocusDoc, alternatives: Slot[][], maxTier: number): Focus {
  let level = 2;
  let share = 0;
  for (const slots of alternatives) {
    let covered = 0;
    for (const slot of slots) {
      let best = 0;
      for (const w of doc.front) best = Math.max(best, cover(w, slot, maxTier));
      covered += best;
    }
    // A front that names the query while an alias or the answer is only a synonym of it (`k8s` for
    // 쿠버네티스 on "Kubernetes를 줄여 부르는 이름은?") asks for another name: the card is about the name.
    const named = covered > 0;
    const aliasSlots = named ? slots.map((slot) => slot.filter((f) => !f.synonym)) : slots;
    if (isTerm(doc.front, slots, maxTier) || doc.aliases.some((a) => isTerm(a, aliasSlots, maxTier))) level = 0;
    // A card whose answer IS the query asks for the thing itself: more about it than one merely
    // tagged with it, less than one whose front names it.
    else if (level > 0.5 && !named && isTerm(doc.answer, slots, maxTier)) level = 0.5;
    else if (level > 1 && doc.labels.some((l) => isTerm(l, slots, maxTier))) level = 1;
    if (doc.frontWords > 0) share = Math.max(share, Math.min(1, covered / doc.frontWords));
  }
  return { level, share };
}
