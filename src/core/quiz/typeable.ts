/** Which cards a quiz may ask as typed questions: only those whose answer is one thing to type. */
import { answerText } from '../deck/cards.js';
import type { StudyItem } from '../deck/items.js';
import { displayWidth } from '../text/width.js';
import { headTerm, isTechnical } from './typedAnswer.js';

/** Longer answers are not fair to type from memory. */
const MAX_TYPED_WIDTH = 40;
/** More plain words than this is a description, not a term (flags and paths are not counted: `ping -c 3 example.com`). */
const MAX_PLAIN_WORDS = 3;

/** A question that names its options ("나머지", "다음 중") cannot be asked without them. */
const REFERS_TO_OPTIONS = /나머지|아닌\s*것은|다음\s*중|of the following|the others/i;

/** Two or more things: "RUN, COPY, ADD", "docker save / docker load", "IPv4·IPv6", "A 또는 B". */
const LIST = /,|、|;|·|\s\/\s|\s(또는|및|or|and)\s/i;
/**
 * A Korean word ending in a particle or a verb ending makes the answer a phrase or sentence
 * ("SIGTERM(15)을 받아 종료됨", "마지막 CMD만 적용된다", "containerd(고수준)와 runc(저수준)"):
 * the learner would have to guess its exact wording. A noun that happens to end in one of these
 * syllables ("사용자 정의") is asked as multiple choice instead, which costs nothing.
 */
const PHRASE_ENDING = /(을|를|이|가|은|는|에|의|와|과|로|만|도|마다|만큼|다|됨|음|서|고|며|면|게)$/u;

/**
 * The answer a card is asked to type, or undefined when it is not one thing to type and the
 * card belongs in multiple choice. A typed card always qualifies (its answer was written to be
 * typed). A choice, basic or reversible card qualifies only when its answer (before a trailing
 * gloss such as "paused (일시 정지)") is a single term, token or command: one line of at most
 * 40 columns, no list ("Trivy, Docker Scout"), no Korean phrase or sentence ("SIGTERM(15)을
 * 받아 종료됨"), at most three plain words, and a question that makes sense without its options.
 * Cloze and other cards are never typed questions (cloze gaps are typed in the cloze mode).
 */
export function typeableAnswer(item: StudyItem): string | undefined {
  const { card } = item;
  if (card.type === 'typed') return card.answer;
  if (card.type !== 'choice' && card.type !== 'basic' && card.type !== 'reversible') return undefined;
  if (card.type === 'choice' && REFERS_TO_OPTIONS.test(card.front)) return undefined;
  const answer = card.type === 'choice' ? card.answer : answerText(card, item.direction).trim();
  if (answer.includes('\n') || displayWidth(answer) > MAX_TYPED_WIDTH) return undefined;
  const term = headTerm(answer) ?? answer;
  if (LIST.test(term)) return undefined;
  const words = term.split(/\s+/).filter(Boolean);
  if (words.some((w) => /\p{Script=Hangul}$/u.test(w) && PHRASE_ENDING.test(w))) return undefined;
  return words.filter((w) => !isTechnical(w)).length <= MAX_PLAIN_WORDS ? answer : undefined;
}
