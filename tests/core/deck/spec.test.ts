import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildJsonSchema, cardFields } from '../../../src/core/deck/spec.js';
import { CARD_TYPES } from '../../../src/core/deck/types.js';

describe('decks/schema.json', () => {
  it('is the schema generated from the loader spec (run `npm run schema` after changing spec.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../decks/schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(buildJsonSchema());
  });
  it('has a definition for every card type with its required fields', () => {
    const schema = buildJsonSchema() as { $defs: Record<string, { required: string[] }> };
    for (const t of CARD_TYPES) {
      const required = Object.entries(cardFields(t)).filter(([, f]) => f.required).map(([k]) => k);
      expect(schema.$defs[`card_${t}`]?.required).toEqual(required);
    }
  });
});
