import { describe, expect, test } from 'vitest';
import { MENU, homeLayout, homeReducer, initialHome, menuTarget } from '../../../../src/ui/screens/home/homeModel.js';

describe('home', () => {
  test('the layout never uses more rows than the body, from 40×12 up', () => {
    for (let body = 4; body <= 60; body++) {
      for (const used of [0, 1, 2, 5]) {
        for (const decks of [0, 1, 3, 40]) {
          const l = homeLayout(body, used, decks, MENU.length);
          const total = used + l.deckHeight + l.menuHeight + (l.gap ? 1 : 0);
          if (body - used >= 3) expect(total, `${body} ${used} ${decks}`).toBeLessThanOrEqual(body);
          expect(l.menuHeight).toBeGreaterThanOrEqual(3);
          expect(l.deckHeight).toBeLessThanOrEqual(decks + 1);
        }
      }
    }
  });

  test('at 80×24 every deck and the whole menu fit', () => {
    expect(homeLayout(21, 1, 6, 8)).toEqual({ deckHeight: 7, menuHeight: 8, gap: true });
  });

  test('menu entries open screens for the highlighted deck; Quiz and Cram open their pickers', () => {
    expect(menuTarget('review', 'docker')).toEqual({ screen: { kind: 'review', deckId: 'docker' } });
    expect(menuTarget('cram', undefined)).toEqual({ screen: { kind: 'cramPicker', deckId: undefined } });
    expect(menuTarget('quiz', 'docker')).toEqual({ screen: { kind: 'quizPicker', deckId: 'docker' } });
    expect(menuTarget('browse', 'docker')).toEqual({ screen: { kind: 'browse' } });
    expect(menuTarget('help', undefined)).toEqual({ help: true });
    expect(menuTarget('quit', undefined)).toEqual({ quit: true });
  });

  test('both lists wrap around; Tab / Shift+Tab switch the focus between them', () => {
    let s = initialHome;
    expect(s.focus).toBe('menu');
    s = homeReducer(s, { type: 'menu', by: -1 });
    expect(s.menu).toBe(MENU.length - 1);
    s = homeReducer(s, { type: 'menu', by: 1 });
    expect(s.menu).toBe(0);
    s = homeReducer(s, { type: 'focus' });
    expect(s.focus).toBe('decks');
    s = homeReducer(s, { type: 'deck', by: -1, count: 3 });
    expect(s.deck).toBe(2);
    s = homeReducer(homeReducer(s, { type: 'deck', by: 1, count: 3 }), { type: 'deck', by: 1, count: 3 });
    expect(s.deck).toBe(1);
    expect(homeReducer(s, { type: 'deck', by: 1, count: 0 }).deck).toBe(0);
    expect(homeReducer(s, { type: 'focus' }).focus).toBe('menu');
  });
});
