/** "Leech" has one Korean name, 거머리 (as in Anki's Korean UI), in the CLI, the screens and the docs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cliKo } from '../../../src/core/i18n/cliKo.js';
import { ko } from '../../../src/ui/i18n/ko.js';

const ROOT = join(import.meta.dirname, '../../..');
const files = ['src/core/i18n/cliKo.ts', 'src/core/i18n/cliEn.ts', 'src/ui/i18n/ko.ts', 'src/ui/i18n/en.ts', 'README.md', 'docs/DESIGN.md'];

test('no catalogue or doc calls a leech 리치', () => {
  for (const f of files) expect(readFileSync(join(ROOT, f), 'utf8'), f).not.toContain('리치');
});

test('the CLI and the screens both say 거머리', () => {
  expect(cliKo.cards.state.leech).toBe('거머리');
  expect(cliKo.help.flags['cards.leech']).toContain('거머리(자꾸 잊는 카드');
  expect(cliKo.help.commands.unsuspend).toContain('거머리');
  expect(cliKo.store.leech('k', 8)).toContain('거머리');
  expect(ko.browser.filters.leech).toBe('거머리');
});
