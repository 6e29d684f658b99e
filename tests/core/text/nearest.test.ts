import { expect, test } from 'vitest';
import { nearestNames } from '../../../src/core/text/nearest.js';

const IDS = ['vm-guest-userland', 'vm-guest-os', 'vm-definition', 'img-layer', 'ps'];

test('a typo finds the id it meant; a prefix finds the ids it begins; only the best distance is kept', () => {
  expect(nearestNames('vm-guest-userlnd', IDS, 3)).toEqual(['vm-guest-userland']);
  expect(nearestNames('vm-guest', IDS, 3)).toEqual(['vm-guest-userland', 'vm-guest-os']);
  expect(nearestNames('img-lyaer', IDS, 3)).toEqual(['img-layer']);
  expect(nearestNames('vm-guest', IDS, 1)).toEqual(['vm-guest-userland']);
});

test('nothing close, or a name too short to guess from: no guess', () => {
  expect(nearestNames('zzzz-nothing', IDS, 3)).toEqual([]);
  expect(nearestNames('px', IDS, 3)).toEqual([]);
});
