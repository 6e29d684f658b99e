import { disassemble, getChoseong } from 'es-hangul';
import { describe, expect, test } from 'vitest';
import { isChoseongOnly, jamoLength, qwertyToHangul, toChoseong, toJamo } from '../../../src/core/search/hangul.js';

describe('toJamo', () => {
  test('agrees with es-hangul disassemble on every syllable and compatibility jamo', () => {
    const all: string[] = [];
    for (let cp = 0xac00; cp <= 0xd7a3; cp++) all.push(String.fromCharCode(cp));
    for (let cp = 0x3131; cp <= 0x3163; cp++) all.push(String.fromCharCode(cp));
    const mismatches = all.filter((ch) => toJamo(ch) !== disassemble(ch));
    expect(mismatches).toEqual([]);
    for (const ch of all) expect(jamoLength(ch)).toBe(toJamo(ch).length);
  });

  test('a half-typed word is a jamo prefix of the whole word', () => {
    expect(toJamo('컨텡')).toBe('ㅋㅓㄴㅌㅔㅇ');
    expect(toJamo('컨테이너').startsWith(toJamo('컨텡'))).toBe(true);
    expect(toJamo('컨테이너').startsWith(toJamo('컨테ㅇ'))).toBe(true);
  });

  test('keeps other characters', () => {
    expect(toJamo('Docker 도커!')).toBe('Docker ㄷㅗㅋㅓ!');
  });
});

describe('toChoseong', () => {
  test('agrees with es-hangul getChoseong on Hangul text', () => {
    for (const w of ['컨테이너 오케스트레이션', '레이어', '쿠버네티스', '까닭 없는 빵']) expect(toChoseong(w)).toBe(getChoseong(w));
  });
  test('keeps non-Hangul characters', () => {
    expect(toChoseong('도커file')).toBe('ㄷㅋfile');
  });
  test('isChoseongOnly', () => {
    expect(isChoseongOnly('ㄹㅇㅇ')).toBe(true);
    expect(isChoseongOnly('ㄹㅇ어')).toBe(false);
    expect(isChoseongOnly('')).toBe(false);
  });
});

describe('qwertyToHangul', () => {
  test('reads Latin keys typed with the Korean IME off', () => {
    expect(qwertyToHangul('ehzj')).toBe('도커');
    expect(qwertyToHangul('fpdldj')).toBe('레이어');
  });
  test('undefined when not plain letters', () => {
    expect(qwertyToHangul('docker-compose')).toBeUndefined();
    expect(qwertyToHangul('123')).toBeUndefined();
    expect(qwertyToHangul('')).toBeUndefined();
  });
});
