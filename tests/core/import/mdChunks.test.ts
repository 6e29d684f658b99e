/** Long notes are parsed in chunks (mdLines.ts parseChunks): the lines must come out as from one parse. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyLines } from '../../../src/core/import/mdLines.js';

// Fragments that carry block state across lines: fences with `#` lines inside, HTML blocks,
// setext underlines, lists and their continuations, indented code, definitions and references.
const fragment = fc.constantFrom(
  '# Heading',
  '## 2. Section',
  '#tag #other',
  'Title\n=====',
  'Sub\n---',
  '-',
  '---',
  '* * *',
  '```bash\n# not a heading\n- not a list\n```',
  '~~~~\n# x\n~~~\n```\n~~~~',
  '```',
  '  ```\n# inside?\n  ```',
  '- item\n  ```\n# h\n  ```',
  '<div>\n# in html\n</div>',
  '<pre>\n# in pre\n\n# still\n</pre>',
  '<script>',
  '</style>',
  '<!-- a\n# c\n-->',
  '<?php\n# x\n?>',
  '<!DOCTYPE html',
  '<span>',
  '- a\n- b\n  - c',
  '1. one\n2. two',
  '2. two',
  '- a\n\n  continued',
  '    indented code\n    # code',
  '> quote\n> # h\n# out',
  '> lazy\ncontinuation',
  'Q :: A',
  'Term :: [link](http://a::b) and `x::y`',
  '[ref] :: answer',
  '[ref]: http://example.com/a::b',
  '[Other Ref]: <x> "title\n# t"',
  '[other ref] and [ref][] and ![img][ref]',
  '**Bold label**',
  '?',
  '| a | b |',
  'plain text',
  '',
  '',
  '   ',
  '\t- tabbed',
);
// Bits of lines too, so that fragments run into each other (`[ref]: x` over `2. two`, `>` before a fence).
const bit = fc.constantFrom('# ', '- ', '2. ', '> ', '    ', '  ', '```', '~~~', '<div>', '<pre>', '[ref]: x', '[a]', 'text', '===', '---', '::', '`', ' ');
const line = fc.oneof({ weight: 3, arbitrary: fragment }, { weight: 1, arbitrary: fc.array(bit, { maxLength: 4 }).map((b) => b.join('')) });
const doc = fc.array(line, { minLength: 1, maxLength: 60 }).map((parts) => parts.join('\n'));

describe('chunked Markdown parse', () => {
  test('random documents: every chunk size gives the lines of the whole parse', () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 200 }), (text, chunk) => {
        expect(classifyLines(text, chunk)).toEqual(classifyLines(text, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 1000 },
    );
  });

  test('the seed notes, alone and concatenated, at several chunk sizes', () => {
    const dir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
    const seeds = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`${dir}${f}`, 'utf8'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const text of [...seeds, seeds.join('\n\n')]) {
      const whole = classifyLines(text, Number.POSITIVE_INFINITY);
      for (const chunk of [1, 300, 2000]) expect(classifyLines(text, chunk)).toEqual(whole);
    }
  });

  // Counterexamples the property found: micromark state that outlives the block before.
  test.each([
    '[ref]: http://example.com/a::b\n2. two\n<span>\n# Heading',
    '- <pre>\n1. one\n2. two\n# Heading',
    '\t- tabbed\n\n2. \nTitle\n=====',
    '    indented code\n    # code\n\n2. \n[ref]: http://example.com/a::b',
    '[ref] :: answer\n- - \nTitle\n=====\n# Heading',
  ])('no split where the parse so far is not fresh: %j', (text) => {
    expect(classifyLines(text, 1)).toEqual(classifyLines(text, Number.POSITIVE_INFINITY));
  });

  test('a reference resolves against a definition in another chunk', () => {
    const text = `[a] :: b\n\n${'x\n\n'.repeat(50)}[a]: http://x`;
    const lines = classifyLines(text, 20);
    expect(lines).toEqual(classifyLines(text, Number.POSITIVE_INFINITY));
    expect(lines[0]!.syntax).toBe('\0a\0 :: b');
  });
});
