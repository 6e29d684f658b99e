/**
 * Deck bytes → a validated, NFC-normalised, sanitised Deck plus every problem found.
 * Pure: the caller reads the file. Deck-level problems reject the deck; a bad card is
 * skipped and reported, so one typo does not hide the rest of a deck.
 *
 * The steps live apart: bytes to text (deckBytes.ts), the field schema (fields.ts), string
 * cleaning (textCleaner.ts), problems (problems.ts). This module parses the JSON and walks
 * the deck and its cards.
 */
import { JsonSyntaxError, parseJsonWithLocations, scanStructure, type JsonPath } from './jsonloc.js';
import { cardFields, deckFields, type FieldSpec } from './spec.js';
import { CARD_TYPES, type Card, type CardType, type Deck } from './types.js';
import { clozeGaps } from './cards.js';
import { decodeDeckBytes } from './deckBytes.js';
import { checkFields } from './fields.js';
import { deckText as t, isObject, typeName, type DeckParseResult, type DeckProblem, type Report, type Severity } from './problems.js';
import { TextCleaner, type CleanText } from './textCleaner.js';

export { MAX_DECK_BYTES, firstInvalidUtf8, locationOfByte } from './deckBytes.js';
export { formatProblem, type DeckParseResult, type DeckProblem } from './problems.js';

const CARD_FIELDS = Object.fromEntries(CARD_TYPES.map((t) => [t, cardFields(t)])) as Record<CardType, Record<string, FieldSpec>>;

export function parseDeck(file: string, bytes: Uint8Array): DeckParseResult {
  const decoded = decodeDeckBytes(file, bytes);
  if (decoded.problem) return { problems: [decoded.problem] };
  return parseDeckText(file, decoded.text!);
}

export function parseDeckText(file: string, text: string): DeckParseResult {
  const problems: DeckProblem[] = [];
  const json = parseJson(file, text, problems);
  if (!json) return { problems };
  const report: Report = (path, message, hint, severity: Severity = 'error') => problems.push({ file, severity, message, hint, location: json.locate(path) });
  const { value } = json;
  if (!isObject(value)) {
    report([], t().notObject(typeName(value)), t().notObjectHint);
    return { problems };
  }
  const cleaner = new TextCleaner();
  const deckOut = checkFields(value, deckFields, [], report, cleaner.clean, 'deck') as Partial<Deck> | undefined;
  const cards = checkCards(value.cards, report, cleaner.clean);
  cleaner.warn(report);
  if (!deckOut || cards.length === 0) return { problems };
  const deck: Deck = { ...(deckOut as Deck), cards };
  return { deck, problems };
}

/**
 * The JSON value and a way to locate a path in the text; undefined when the text is not JSON
 * or nests too deep (the problems say why).
 */
function parseJson(file: string, text: string, problems: DeckProblem[]): { value: unknown; locate: (path: JsonPath) => DeckProblem['location'] } | undefined {
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
      if (!(e instanceof JsonSyntaxError)) throw e;
      problems.push({ file, severity: 'error', message: t().invalidJson(e.message), location: e.location, hint: e.hint });
      return undefined;
    }
  }
  // What JSON.parse accepts silently, always looked for (one cheap pass): nesting too deep for
  // the locating parser stops here; each duplicate key is an error at its second occurrence.
  if (!located) {
    const structure = scanStructure(text);
    for (const { tooDeep: _, ...p } of structure) problems.push({ file, severity: 'error', ...p });
    if (structure.some((p) => p.tooDeep)) return undefined;
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
  return { value, locate };
}

/** The valid cards of `cards`, each bad one reported and skipped. */
function checkCards(cardsValue: unknown, report: Report, text: CleanText): Card[] {
  const cards: Card[] = [];
  if (cardsValue === undefined) report([], t().missingCards, t().missingCardsHint);
  else if (!Array.isArray(cardsValue)) report(['cards'], t().cardsNotArray(typeName(cardsValue)));
  else if (cardsValue.length === 0) report(['cards'], t().cardsEmpty, t().cardsEmptyHint);
  else {
    const seen = new Map<string, number>();
    cardsValue.forEach((raw, idx) => {
      const path = ['cards', idx];
      const card = checkCard(raw, idx, path, report, text);
      if (!card) return;
      const dup = seen.get(card.id);
      if (dup !== undefined) {
        report([...path, 'id'], t().duplicateId(card.id, dup + 1), t().duplicateIdHint);
        return;
      }
      seen.set(card.id, idx);
      cards.push(card);
    });
  }
  return cards;
}

/** One card: an object of a known type whose fields and rules hold, or undefined after reporting why not. */
function checkCard(raw: unknown, idx: number, path: JsonPath, report: Report, text: CleanText): Card | undefined {
  if (!isObject(raw)) {
    report(path, t().cardNotObject(idx + 1, typeName(raw)));
    return undefined;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(CARD_TYPES as readonly string[]).includes(type)) {
    report(typeof type === 'string' ? [...path, 'type'] : path, type === undefined ? t().noType(idx + 1) : t().unknownType(JSON.stringify(type)), t().useOneOf(CARD_TYPES.join(', ')));
    return undefined;
  }
  const card = checkFields(raw, CARD_FIELDS[type as CardType], path, report, text, 'card') as Card | undefined;
  return card && checkCardRules(card, path, report) ? card : undefined;
}

/** Rules a field-by-field check cannot express. */
function checkCardRules(card: Card, path: JsonPath, report: Report): boolean {
  if (card.type === 'cloze' && clozeGaps(card.front).length === 0) {
    report([...path, 'front'], t().noGap, t().noGapHint);
    return false;
  }
  if ((card.type === 'choice' || card.type === 'typed') && card.distractors?.some((d) => d === card.answer)) {
    report([...path, 'distractors'], t().distractorIsAnswer, t().distractorIsAnswerHint);
    return false;
  }
  return true;
}
