/** Every parser on arbitrary input: no exception other than InputError, no hang. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAnki } from '../../../src/core/import/anki.js';
import { buildDeck } from '../../../src/core/import/deck.js';
import { InputError } from '../../../src/core/import/errors.js';
import { htmlToText } from '../../../src/core/import/html.js';
import { cleanInline, toCloze } from '../../../src/core/import/inline.js';
import { parseMarkdown } from '../../../src/core/import/markdown.js';
import { slugifyDeckId, isValidId } from '../../../src/core/import/ids.js';
import { parseProgress } from '../../../src/core/sync/progressFile.js';
import { parseDeckText } from '../../../src/core/deck/validate.js';
import { deckToJson } from '../../../src/core/export/json.js';
import { parseEntry } from '../../../src/store/log.js';

// Text made of the characters the parsers care about, so fuzzing reaches their branches.
const syntax = fc.constantFrom('::', ':::', '?', '??', '==', '{{', '}}', '**', '- ', '1. ', '#', '## ', '\n', '\n\n', '\t', '"', '""', '<br>', '<div>', '&amp;', '&#', '`', '```', '[[', ']]', '[', '](', ')', '<!--', '-->', ' : ', '|', '---', '가', '도커', 'a', ' ', '    ', '{{c1::', '#separator:tab\n', '#html:false\n', '#tags column:3\n');
const noisy = fc.oneof(fc.string({ maxLength: 200 }), fc.array(syntax, { maxLength: 80 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 100 }));
const RUNS = { numRuns: 300 };

const onlyInputErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
};

describe('fuzzing (300 runs each)', () => {
  test('Markdown: never throws, and what it builds always validates', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        const parsed = parseMarkdown(text);
        const { deck } = buildDeck(parsed, { id: 'fz', title: 't', description: 'd' });
        if (deck.cards.length) expect(parseDeckText('fz.json', deckToJson(deck)).problems.filter((p) => p.severity === 'error')).toEqual([]);
      }),
      RUNS,
    );
  });

  test('Anki: only InputError, and built decks validate', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        onlyInputErrors(() => {
          const { deck } = buildDeck(parseAnki(text), { id: 'fz', title: 't', description: 'd' });
          if (deck.cards.length) expect(parseDeckText('fz.json', deckToJson(deck)).problems.filter((p) => p.severity === 'error')).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  test('HTML, inline cleaning, cloze marks, slugs: total functions', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        expect(typeof htmlToText(text)).toBe('string');
        expect(typeof cleanInline(text)).toBe('string');
        toCloze(text);
        expect(isValidId(slugifyDeckId(text))).toBe(true);
      }),
      RUNS,
    );
  });

  test('progress files: only InputError', () => {
    const line = fc.oneof(fc.json(), fc.string({ maxLength: 60 }), fc.constant('{"amgi":"progress","version":1}'));
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), (lines) => onlyInputErrors(() => parseProgress(lines.join('\n'), 'p', parseEntry))), RUNS);
  });

  // A hang guard, not a benchmark: quadratic or exponential matching on 200k-character lines
  // would run for minutes and hit this test's timeout. The 300 KB list below is parsed (the
  // Markdown limit is 2 MB); the parser reads lists at ≈ 10 µs a character even in linear time,
  // so a bigger one would only make the suite slower, not the guard stronger.
  test('hostile long lines finish (no catastrophic backtracking)', { timeout: 30_000 }, () => {
    const n = 200_000;
    const inputs = ['['.repeat(n), '[['.repeat(n / 2), '{{'.repeat(n / 2), '=='.repeat(n / 2) + 'x', '**'.repeat(n / 2), '- '.repeat(n / 2) + '::', '<'.repeat(n), '<a'.repeat(n / 2), '&#'.repeat(n / 2), '`'.repeat(n), '{{c1::'.repeat(n / 6), '"'.repeat(n), ' :'.repeat(n / 2), '[1],'.repeat(n / 4)];
    // Many lines: long lists, a staircase of nested terms, one huge paragraph with a separator.
    inputs.push('- **a** - b\n'.repeat(25_000), Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i % 400)}- **t${i}**`).join('\n'), `${'q\n'.repeat(100_000)}?\na`);
    // The same shapes, smaller (the staircase above is over the Markdown limit).
    inputs.push('- **a** - b\n'.repeat(2_500), Array.from({ length: 150 }, (_, i) => `${' '.repeat(i % 400)}- **t${i}**`).join('\n'));
    for (const s of inputs) {
      onlyInputErrors(() => parseMarkdown(s));
      onlyInputErrors(() => parseAnki(s));
      htmlToText(s);
      expect(isValidId(slugifyDeckId(s))).toBe(true);
    }
  });
});
