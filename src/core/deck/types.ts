/** The deck format. `decks/schema.json` is generated from `spec.ts`, which mirrors these types. */

export const CARD_TYPES = ['basic', 'reversible', 'cloze', 'choice', 'typed', 'order', 'interview'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** Where a card was drawn from: a seed file and a section heading listed in decks/sources.json. */
export interface SeedSource {
  seed: string;
  section: string;
}

/** The official page a card was checked against (for cards the seed notes do not cover). */
export interface ReferenceSource {
  url: string;
  title: string;
}

export type CardSource = SeedSource | ReferenceSource;

export const isSeedSource = (s: CardSource): s is SeedSource => 'seed' in s;

interface CardCommon {
  /** Stable id; progress keys on it, so editing the text keeps progress. */
  id: string;
  /** The prompt. For cloze cards it holds the `{{gaps}}`. */
  front: string;
  /** Accepted alternative answers (e.g. `컨테이너 런타임` = `container runtime`). */
  aliases?: string[];
  tags?: string[];
  /** Cards of the same topic are the confusable ones: quiz distractors come from it. */
  topic?: string;
  source?: CardSource;
  /** An explanation, or a correction of the seed note. */
  note?: string;
}

export interface BasicCard extends CardCommon { type: 'basic'; back: string }
/** Asked front→back and back→front (two siblings, never on the same day). */
export interface ReversibleCard extends CardCommon { type: 'reversible'; back: string }
/** `front` holds `{{gap}}` markers; `back` is optional extra explanation. */
export interface ClozeCard extends CardCommon { type: 'cloze'; back?: string }
export interface ChoiceCard extends CardCommon { type: 'choice'; answer: string; distractors?: string[] }
/** `distractors`: wrong options for when the card is asked as multiple choice (else drawn from its neighbours). */
export interface TypedCard extends CardCommon { type: 'typed'; answer: string; distractors?: string[] }
export interface OrderCard extends CardCommon { type: 'order'; steps: string[] }
/** An open interview question with a model answer of a few bullet points. */
export interface InterviewCard extends CardCommon { type: 'interview'; points: string[] }

export type Card = BasicCard | ReversibleCard | ClozeCard | ChoiceCard | TypedCard | OrderCard | InterviewCard;

export interface Deck {
  $schema?: string;
  id: string;
  title: string;
  description: string;
  /** BCP 47 language tag of the content, e.g. `ko`. */
  language: string;
  /** Curriculum position (lower first): what to study before what. */
  order?: number;
  cards: Card[];
}

export type DeckOrigin = 'bundled' | 'user' | 'dir';

/** A deck as loaded: where it came from and a hash of its content. */
export interface LoadedDeck {
  deck: Deck;
  file: string;
  origin: DeckOrigin;
  contentHash: string;
}
