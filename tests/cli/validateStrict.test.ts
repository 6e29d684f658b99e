/** `amgi validate --strict`: the deck linter's warnings, printed always, fatal only when strict. */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amgi } from '../helpers/cli.js';
import { tmpHome } from '../helpers/tmpHome.js';

const t = tmpHome();
const env = { AMGI_HOME: t.home };
afterAll(() => t.cleanup());

const deck = {
  id: 'lint-me',
  title: 'lint me',
  description: 'a deck with a giveaway',
  language: 'ko',
  cards: [
    { id: 'ok', type: 'basic', front: '레이어란?', back: '이미지를 이루는 읽기 전용 층' },
    { id: 'img-recipe-analogy', type: 'cloze', front: '이미지가 {{레시피}}라면 컨테이너는 그 레시피로 만든 음식이다.' },
  ],
};
const file = join(t.home, 'lint-me.json');
writeFileSync(file, JSON.stringify(deck, null, 2));

describe('amgi validate --strict', () => {
  it('plain validate prints the warning with file:line:col and the card id, and exits 0', () => {
    const r = amgi(['validate', file], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/lint-me\.json:16:16: warning: card img-recipe-analogy: the gap "레시피" is given away .* \[cloze-giveaway\] \(reword/);
    expect(r.stdout).toContain('1 lint warning');
  });

  it('--strict exits 1 on the warning; --json lists it', () => {
    expect(amgi(['validate', '--strict', file], env).code).toBe(1);
    const out = JSON.parse(amgi(['validate', '--strict', '--json', file], env).stdout) as { valid: boolean; warnings: { cardId: string; rule: string }[] };
    expect(out.valid).toBe(false);
    expect(out.warnings).toEqual([expect.objectContaining({ cardId: 'img-recipe-analogy', rule: 'cloze-giveaway' })]);
  });

  it('the bundled decks pass --strict', () => {
    const r = amgi(['validate', '--strict'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
