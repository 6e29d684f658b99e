import { describe, expect, it } from 'vitest';
import { checkGap, clozeAnswers, clozeParts } from '../../../src/core/quiz/cloze.js';
import type { ClozeCard } from '../../../src/core/deck/types.js';

describe('cloze', () => {
  const card: ClozeCard = { id: 'c', type: 'cloze', front: '이미지는 {{읽기 전용}}이고 {{컨테이너}}는 쓴다', aliases: ['read-only'] };

  it('splits text and gaps in reading order', () => {
    const parts = clozeParts(card.front);
    expect(parts).toEqual([
      { kind: 'text', text: '이미지는 ' },
      { kind: 'gap', index: 0, answer: '읽기 전용' },
      { kind: 'text', text: '이고 ' },
      { kind: 'gap', index: 1, answer: '컨테이너' },
      { kind: 'text', text: '는 쓴다' },
    ]);
    expect(clozeAnswers(parts)).toEqual(['읽기 전용', '컨테이너']);
    expect(clozeParts('{{a}}')).toEqual([{ kind: 'gap', index: 0, answer: 'a' }]);
  });

  it('checks each gap like a typed answer', () => {
    const answers = clozeAnswers(clozeParts(card.front));
    expect(checkGap(card, answers, 0, '읽기전용').verdict).toBe('right');
    expect(checkGap(card, answers, 1, '컨테이넌').verdict).toBe('close');
    expect(checkGap(card, answers, 1, '이미지').verdict).toBe('wrong');
    // With two gaps an alias cannot be placed, so it is not accepted.
    expect(checkGap(card, answers, 0, 'read-only').verdict).toBe('wrong');
    expect(checkGap({ ...card, front: '{{읽기 전용}}' }, ['읽기 전용'], 0, 'Read-Only').verdict).toBe('right');
    // Without the alias table (which lists `read only`), a hyphen inside a Latin token is part of it.
    expect(checkGap({ ...card, front: '{{읽기 전용}}' }, ['읽기 전용'], 0, 'Read only').verdict).toBe('close');
  });
});
