/**
 * The single description of the deck format. The loader validates against it and
 * `decks/schema.json` is generated from it (a test checks the committed file is current),
 * so editor validation and the loader cannot drift.
 */
import { CARD_TYPES, type CardType } from './types.js';

export type FieldKind = 'string' | 'string[]' | 'source' | 'integer';

export interface FieldSpec {
  kind: FieldKind;
  required: boolean;
  description: string;
  /** For string[]: the least number of items. */
  minItems?: number;
  pattern?: string;
  /** For integer: the bounds. */
  minimum?: number;
  maximum?: number;
}

/**
 * `$schema` of a deck written outside the package (import, export): the schema as published
 * with the npm package (package.json `files` has decks/). Never this install's absolute path,
 * which breaks the moment the file is shared; the bundled decks keep their relative "./schema.json".
 */
export const SCHEMA_URL = 'https://unpkg.com/amgi/decks/schema.json';

export const ID_PATTERN = '^[a-z0-9][a-z0-9._-]{0,63}$';
export const MAX_TEXT = 4000;
/** A reference source's url: an absolute http(s) address without spaces. */
export const URL_PATTERN = '^https?://[^\\s]+$';

const common: Record<string, FieldSpec> = {
  id: { kind: 'string', required: true, pattern: ID_PATTERN, description: 'Stable id; progress keys on it. Lower-case letters, digits, . _ -' },
  type: { kind: 'string', required: true, description: `One of: ${CARD_TYPES.join(', ')}` },
  front: { kind: 'string', required: true, description: 'The prompt (for cloze: the text with {{gaps}})' },
  aliases: { kind: 'string[]', required: false, description: 'Accepted alternative answers' },
  tags: { kind: 'string[]', required: false, description: 'Tags for filtering (#tag in search)' },
  topic: { kind: 'string', required: false, description: 'Confusable cards share a topic; quiz distractors are drawn from it' },
  source: { kind: 'source', required: false, description: 'Where the card comes from: a seed file and section heading {seed, section}, or the page it was checked against {url, title}' },
  note: { kind: 'string', required: false, description: 'Explanation, or a correction of the source note' },
};

const extra: Record<CardType, Record<string, FieldSpec>> = {
  basic: { back: { kind: 'string', required: true, description: 'The answer' } },
  reversible: { back: { kind: 'string', required: true, description: 'The answer; also asked back to front' } },
  cloze: { back: { kind: 'string', required: false, description: 'Extra explanation shown with the answer' } },
  choice: {
    answer: { kind: 'string', required: true, description: 'The correct option' },
    distractors: { kind: 'string[]', required: false, minItems: 1, description: 'Hand-written wrong options' },
  },
  typed: {
    answer: { kind: 'string', required: true, description: 'The short exact answer (aliases are also accepted)' },
    distractors: { kind: 'string[]', required: false, minItems: 1, description: 'Hand-written wrong options, used when the card is asked as multiple choice' },
  },
  order: { steps: { kind: 'string[]', required: true, minItems: 2, description: 'The steps in the right order' } },
  interview: { points: { kind: 'string[]', required: true, minItems: 1, description: 'The model answer, a few bullet points' } },
};

export function cardFields(type: CardType): Record<string, FieldSpec> {
  return { ...common, ...extra[type] };
}

export const deckFields: Record<string, FieldSpec> = {
  $schema: { kind: 'string', required: false, description: 'Path or URL of decks/schema.json' },
  id: { kind: 'string', required: true, pattern: ID_PATTERN, description: 'Stable deck id' },
  title: { kind: 'string', required: true, description: 'Deck title' },
  description: { kind: 'string', required: true, description: 'One or two sentences about the deck' },
  language: { kind: 'string', required: true, pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$', description: 'Language tag, e.g. ko' },
  order: { kind: 'integer', required: false, minimum: 0, maximum: 1_000_000, description: 'Curriculum position: decks with a lower order are studied first' },
};

/** JSON Schema (draft 2020-12) generated from the spec. */
export function buildJsonSchema(): Record<string, unknown> {
  const fieldSchema = (f: FieldSpec): Record<string, unknown> => {
    const base: Record<string, unknown> = { description: f.description };
    if (f.kind === 'string') return { ...base, type: 'string', minLength: 1, maxLength: MAX_TEXT, ...(f.pattern ? { pattern: f.pattern } : {}) };
    if (f.kind === 'string[]') return { ...base, type: 'array', items: { type: 'string', minLength: 1, maxLength: MAX_TEXT }, minItems: f.minItems ?? 0 };
    if (f.kind === 'integer') return { ...base, type: 'integer', minimum: f.minimum, maximum: f.maximum };
    return { ...base, $ref: '#/$defs/source' };
  };
  const objectSchema = (fields: Record<string, FieldSpec>, fixed?: Record<string, unknown>) => ({
    type: 'object',
    additionalProperties: false,
    required: Object.entries(fields).filter(([, f]) => f.required).map(([k]) => k),
    properties: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fixed?.[k] ?? fieldSchema(f)])),
  });
  const cardDefs = Object.fromEntries(
    CARD_TYPES.map((t) => [`card_${t}`, objectSchema(cardFields(t), { type: { const: t, description: common.type!.description } })]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'amgi deck',
    description: 'One amgi flashcard deck. Generated from src/core/deck/spec.ts by `npm run schema`.',
    ...objectSchema(deckFields),
    properties: {
      ...objectSchema(deckFields).properties,
      cards: { type: 'array', minItems: 1, items: { $ref: '#/$defs/card' } },
    },
    required: [...objectSchema(deckFields).required, 'cards'],
    $defs: {
      source: {
        oneOf: [
          {
            description: 'A seed note and one of its section headings (decks/sources.json)',
            type: 'object',
            additionalProperties: false,
            required: ['seed', 'section'],
            properties: { seed: { type: 'string', minLength: 1 }, section: { type: 'string', minLength: 1 } },
          },
          {
            description: 'The official page the card was checked against',
            type: 'object',
            additionalProperties: false,
            required: ['url', 'title'],
            properties: { url: { type: 'string', pattern: URL_PATTERN, maxLength: MAX_TEXT }, title: { type: 'string', minLength: 1, maxLength: MAX_TEXT } },
          },
        ],
      },
      card: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: [...CARD_TYPES] } },
        // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
        allOf: CARD_TYPES.map((t) => ({ if: { properties: { type: { const: t } } }, then: { $ref: `#/$defs/card_${t}` } })),
      },
      ...cardDefs,
    },
  };
}
