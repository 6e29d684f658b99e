import { expect, test } from 'vitest';
import { objectParticle } from '../../../src/core/i18n/particle.js';
import { cliKo } from '../../../src/core/i18n/cliKo.js';

test('을 after a final consonant, 를 after a vowel; digits read as numbers; a name keeps 을(를)', () => {
  expect(objectParticle('복습 기록 26개')).toBe('를');
  expect(objectParticle('덱 "docker" (카드 20장)')).toBe('을');
  expect(objectParticle('덱 3개 (카드 20장)')).toBe('을');
  expect(objectParticle('카드 3')).toBe('을');
  expect(objectParticle('카드 2')).toBe('를');
  expect(objectParticle('notes.apkg')).toBe('을(를)');
  expect(objectParticle('')).toBe('을(를)');
});

test('export says 복습 기록 26개를, not 26개을(를)', () => {
  const t = cliKo.export;
  expect(t.wrote(t.entries(26), '/tmp/x.jsonl')).toBe('복습 기록 26개를 /tmp/x.jsonl에 썼습니다');
});
