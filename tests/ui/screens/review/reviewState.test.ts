import { expect, test } from 'vitest';
import { initialReview, leftTotal, reviewReducer, type SessionSnapshot } from '../../../../src/ui/screens/review/reviewState.js';
import type { QueueEntry } from '../../../../src/core/schedule/types.js';

const entry = (key: string): QueueEntry => ({ kind: 'new', item: { key, cardId: key, deckId: 'd', direction: 'forward', card: { id: key, type: 'basic', front: 'f', back: 'b' } } });
const snap = (key: string | undefined, left: number): SessionSnapshot => ({ current: key ? entry(key) : undefined, left: { new: left, learning: 0, review: 0 } });

test('front → reveal → answered shows the next card on its front, scrolled to the top', () => {
  let s = initialReview(snap('a', 3), 1000);
  expect(s.phase).toBe('front');
  s = reviewReducer(s, { type: 'scroll', by: 5, max: 2 });
  expect(s.scroll).toBe(2);
  s = reviewReducer(s, { type: 'reveal' });
  expect(s.phase).toBe('back');
  s = reviewReducer(s, { type: 'answered', snap: snap('b', 2), at: 5000 });
  expect(s).toMatchObject({ phase: 'front', answered: 1, scroll: 0, shownAt: 5000 });
  expect(s.snap.current?.item.key).toBe('b');
  expect(leftTotal(s.snap)).toBe(2);
});

test('reveal on the back or after the end changes nothing', () => {
  const back = reviewReducer(initialReview(snap('a', 1), 0), { type: 'reveal' });
  expect(reviewReducer(back, { type: 'reveal' })).toBe(back);
  const done = initialReview(snap(undefined, 0), 0);
  expect(done.phase).toBe('done');
  expect(reviewReducer(done, { type: 'reveal' })).toBe(done);
});

test('the last answer ends the session; undo brings the card back and the count down', () => {
  let s = reviewReducer(initialReview(snap('a', 1), 0), { type: 'reveal' });
  s = reviewReducer(s, { type: 'answered', snap: snap(undefined, 0), at: 1 });
  expect(s.phase).toBe('done');
  s = reviewReducer(s, { type: 'undone', snap: snap('a', 1), at: 2, flash: { text: 'undone', tone: 'info' } });
  expect(s).toMatchObject({ phase: 'front', answered: 0, flash: { text: 'undone' } });
  // Undo never goes below zero (an undo of an answer from an earlier session).
  s = reviewReducer(s, { type: 'undone', snap: snap('z', 2), at: 3, flash: { text: 'undone', tone: 'info' } });
  expect(s.answered).toBe(0);
});

test('suspend / bury skip the card without counting an answer', () => {
  const s = reviewReducer(initialReview(snap('a', 2), 0), { type: 'skipped', snap: snap('b', 1), at: 9, flash: { text: 's', tone: 'info' } });
  expect(s).toMatchObject({ phase: 'front', answered: 0 });
  expect(leftTotal(s.snap)).toBe(1);
});
