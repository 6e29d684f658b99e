import { describe, expect, it } from 'vitest';
import { answerKey, checkTyped, editDistance } from '../../../src/core/quiz/typedAnswer.js';
import { diffChars, diffSides } from '../../../src/core/quiz/charDiff.js';

describe('checkTyped', () => {
  it('accepts NFC and NFD forms of the same Hangul', () => {
    const nfd = '컨테이너'.normalize('NFD');
    expect(nfd).not.toBe('컨테이너');
    expect(checkTyped(nfd, ['컨테이너']).verdict).toBe('right');
    expect(checkTyped('컨테이너', [nfd]).verdict).toBe('right');
  });

  it('ignores case, spacing and punctuation', () => {
    expect(checkTyped('CONTAINERD', ['containerd']).verdict).toBe('right');
    expect(checkTyped('컨테이너런타임', ['컨테이너 런타임']).verdict).toBe('right');
    expect(checkTyped('  컨테이너   런타임 ', ['컨테이너 런타임']).verdict).toBe('right');
    // A hyphen or a space inside a Latin token is part of it: only a slip, for the learner to judge.
    expect(checkTyped('cri o', ['CRI-O']).verdict).toBe('close');
    expect(checkTyped('runc.', ['runc']).verdict).toBe('right');
  });

  it('accepts aliases and reports which answer matched', () => {
    const r = checkTyped('virtual machine', ['가상머신', 'VM', 'virtual machine']);
    expect(r.verdict).toBe('right');
    expect(r.expected).toBe('virtual machine');
    expect(checkTyped('vm', ['가상머신', 'VM']).verdict).toBe('right');
  });

  it('calls one jamo off in Korean close', () => {
    expect(checkTyped('컨테이넌', ['컨테이너']).verdict).toBe('close'); // extra ㄴ batchim
    expect(checkTyped('가상머신', ['가상머싱']).verdict).toBe('close'); // ㄴ vs ㅇ
    expect(checkTyped('볼륨', ['볼름']).verdict).toBe('close'); // ㅠ vs ㅡ
    // Two jamo off is wrong.
    expect(checkTyped('가상머신', ['가성머싱']).verdict).toBe('wrong');
  });

  it('calls one letter off in a long English word close, but not in a short one', () => {
    expect(checkTyped('containr', ['containerd', 'container']).verdict).toBe('close');
    expect(checkTyped('dockr', ['docker']).verdict).toBe('close');
    expect(checkTyped('rnc', ['runc']).verdict).toBe('wrong');
    expect(checkTyped('ENV', ['ARG']).verdict).toBe('wrong');
  });

  it('never accepts an empty answer', () => {
    expect(checkTyped('', ['runc']).verdict).toBe('wrong');
    expect(checkTyped('   ', ['a']).verdict).toBe('wrong');
    expect(checkTyped('', ['가']).verdict).toBe('wrong');
  });

  it('keeps punctuation when the answer is only punctuation', () => {
    expect(answerKey('--')).toBe(answerKey('--'));
    expect(answerKey('--')).not.toBe(answerKey('-'));
    expect(checkTyped('--', ['--']).verdict).toBe('right');
    expect(checkTyped('-', ['--']).verdict).toBe('wrong'); // too short for a near miss
  });

  it('shows a wrong or empty (revealed) answer against the answer itself, not the nearest alias', () => {
    // Before: the reveal showed the shortest alias ("쓰기 레이어") while the sentence said "컨테이너 레이어".
    expect(checkTyped('', ['컨테이너 레이어', '쓰기 레이어']).expected).toBe('컨테이너 레이어');
    expect(checkTyped('runc', ['/var/run/docker.sock', '/run/docker.sock']).expected).toBe('/var/run/docker.sock');
  });

  it('compares with the nearest accepted answer for the diff', () => {
    const r = checkTyped('containr', ['runc', 'container']);
    expect(r.expected).toBe('container');
  });
});

describe('a size flag written with = or a space', () => {
  it('`--shm-size=64MB` for `--shm-size 64m` and the other way; a different size stays wrong', () => {
    expect(checkTyped('--shm-size=64MB', ['--shm-size 64m']).verdict).toBe('right');
    expect(checkTyped('--shm-size 64mb', ['--shm-size=64m']).verdict).toBe('right');
    expect(checkTyped('--shm-size=64k', ['--shm-size 64m']).verdict).not.toBe('right');
    expect(checkTyped('--memory-swap=64m', ['--shm-size 64m']).verdict).not.toBe('right');
  });
});

describe('an address is not a version', () => {
  it('a dotted four-part address keeps every part: `0` is not 0.0.0.0, `v10` not 10.0.0.0', () => {
    expect(checkTyped('바인드 주소 0', ['바인드 주소 0.0.0.0']).verdict).not.toBe('right');
    expect(checkTyped('v10 대역', ['10.0.0.0 대역']).verdict).not.toBe('right');
    expect(checkTyped('0', ['0.0.0.0']).verdict).not.toBe('right');
    expect(checkTyped('192.168', ['192.168.0.0']).verdict).not.toBe('right');
    // Versions still read as versions.
    expect(checkTyped('Docker 23', ['Docker 23.0']).verdict).toBe('right');
    expect(checkTyped('v1.2', ['1.2.0']).verdict).toBe('right');
  });
});

describe('editDistance', () => {
  it('is Levenshtein', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([], [...'abc'])).toBe(3);
    expect(editDistance([...'abc'], [...'abc'])).toBe(0);
  });
});

describe('diffChars', () => {
  it('marks extra and missing characters', () => {
    expect(diffChars('dockr', 'docker')).toEqual([
      { op: 'same', text: 'dock' },
      { op: 'missing', text: 'e' },
      { op: 'same', text: 'r' },
    ]);
    expect(diffChars('컨테이너즈', '컨테이너')).toEqual([
      { op: 'same', text: '컨테이너' },
      { op: 'extra', text: '즈' },
    ]);
  });

  it('splits into the typed side and the answer side', () => {
    const parts = diffChars('컨테니어', '컨테이너');
    const { typed, answer } = diffSides(parts);
    expect(typed.map((p) => p.text).join('')).toBe('컨테니어');
    expect(answer.map((p) => p.text).join('')).toBe('컨테이너');
    expect(parts.some((p) => p.op !== 'same')).toBe(true);
  });

  it('does not mark a case difference', () => {
    expect(diffChars('RUNC', 'runc')).toEqual([{ op: 'same', text: 'runc', typed: 'RUNC' }]);
    // The typed side shows what was typed, not the answer's letters ("REST API" for "recipe").
    const { typed } = diffSides(diffChars('REST API', 'recipe'));
    expect(typed.map((p) => p.text).join('')).toBe('REST API');
  });
});

describe('alias phrases spelled through other groups', () => {
  it('a multi-word term written half in Korean is that term (Docker 데몬 = Docker daemon = dockerd), not two words', async () => {
    const { aliasKeys } = await import('../../../src/core/quiz/typedAnswer.js');
    const table = [['도커', 'Docker'], ['데몬', 'daemon'], ['도커 데몬', 'dockerd', 'Docker daemon']];
    const keys = aliasKeys(table);
    expect(answerKey('Docker 데몬', keys)).toBe(answerKey('docker daemon', keys));
    expect(checkTyped('Docker 데몬', ['dockerd'], keys).verdict).toBe('right');
    expect(checkTyped('도커 daemon', ['dockerd'], keys).verdict).toBe('right');
    // A different second word is still a different answer.
    expect(checkTyped('Docker 엔진', ['dockerd'], keys).verdict).not.toBe('right');
  });
});
