import { expect, test } from 'vitest';
import { en } from '../../../src/ui/i18n/en.js';

test('English counts agree in number: the stats forecast says 1 card', () => {
  expect(en.statsScreen.forecastTotal(1)).toBe('1 card');
  expect(en.statsScreen.forecastTotal(2)).toBe('2 cards');
});
