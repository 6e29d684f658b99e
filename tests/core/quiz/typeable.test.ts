import { describe, expect, it } from 'vitest';
import { deckItems, type StudyItem } from '../../../src/core/deck/items.js';
import type { Card } from '../../../src/core/deck/types.js';
import { buildQuestion } from '../../../src/core/quiz/questions.js';
import { buildQuestions } from '../../../src/core/quiz/quizState.js';
import { typeableAnswer } from '../../../src/core/quiz/typeable.js';

// The two bundled cards the walkthrough was asked to type (decks/operations.json, decks/security.json).
const EXIT_143: Card = {
  id: 'ops-exit-143',
  type: 'choice',
  front: '컨테이너의 종료 코드 143이 뜻하는 것은?',
  answer: 'SIGTERM(15)을 받아 종료됨',
  distractors: ['SIGKILL(9)을 받아 강제 종료됨', '컨테이너 명령을 실행할 수 없음', '세그멘테이션 오류(SIGSEGV)로 죽음'],
};
const SCANNERS: Card = {
  id: 'sec-scanners',
  type: 'choice',
  front: '이미지의 패키지 목록(SBOM)을 뽑아 알려진 취약점(CVE)과 대조하는 도구 짝은?',
  answer: 'Trivy, Docker Scout',
  distractors: ['cosign, Notation', 'seccomp, AppArmor', 'BuildKit, buildx'],
};
const DETACH: Card = { id: 'ops-detach-keys', type: 'typed', front: '컨테이너를 멈추지 않고 빠져나오는 기본 키 순서는?', answer: 'Ctrl-p Ctrl-q' };
const NETWORK: Card = { id: 'dn-network-create', type: 'typed', front: 'app-net 네트워크를 만드는 명령은?', answer: 'docker network create app-net' };

const choice = (id: string, answer: string, front = `${id}?`): Card => ({ id, type: 'choice', front, answer, distractors: ['A1', 'B2', 'C3'] });
const items = (...cards: Card[]): StudyItem[] => deckItems({ id: 'd', title: 'd', description: 'd', language: 'ko', cards });
const one = (card: Card): StudyItem => items(card)[0]!;

describe('typeableAnswer', () => {
  it('never asks a sentence or a pair of tools to be typed', () => {
    expect(typeableAnswer(one(EXIT_143))).toBeUndefined();
    expect(typeableAnswer(one(SCANNERS))).toBeUndefined();
  });

  it('always asks a typed card, whatever its answer looks like', () => {
    expect(typeableAnswer(one(DETACH))).toBe('Ctrl-p Ctrl-q');
    expect(typeableAnswer(one(NETWORK))).toBe('docker network create app-net');
  });

  it('asks a choice card typed when its answer is one term, token or command', () => {
    for (const answer of ['unless-stopped', 'paused (일시 정지)', '--memory 512m', 'ping -c 3 example.com', 'harbor.example.com/team/api:1.2', '128자', '운영체제 수준', 'pull-through 캐시 레지스트리']) {
      expect(typeableAnswer(one(choice('c', answer))), answer).toBe(answer);
    }
  });

  it('keeps lists, Korean phrases and descriptions to multiple choice', () => {
    for (const answer of [
      'RUN, COPY, ADD',
      'docker save / docker load',
      'IPv4 주소 또는 IPv6 /64 대역마다',
      'containerd(고수준)와 runc(저수준)',
      '--secret과 RUN --mount=type=secret',
      '마지막 CMD만 적용된다',
      '실행 파일의 CPU 아키텍처가 호스트와 다름',
      'containerd 스냅숏터 기반 이미지 스토어',
    ]) {
      expect(typeableAnswer(one(choice('c', answer))), answer).toBeUndefined();
    }
  });

  it('keeps a question that names its options to multiple choice', () => {
    expect(typeableAnswer(one(choice('c', 'runc', '다음 중 저수준 런타임은?')))).toBeUndefined();
  });
});

describe('quiz modes with untypeable cards', () => {
  const pool = items(EXIT_143, SCANNERS, DETACH, NETWORK, choice('c1', 'runc'));

  it('a typed quiz skips them: fewer questions than asked', () => {
    for (const seed of [1, 2, 3]) {
      const qs = buildQuestions({ items: pool, mode: 'typed', count: 10, seed });
      expect(qs.map((q) => q.key).sort()).toEqual(['c1', 'dn-network-create', 'ops-detach-keys']);
      expect(qs.every((q) => q.kind === 'typed')).toBe(true);
    }
  });

  it('a mixed quiz asks them as multiple choice', () => {
    expect(buildQuestion(pool[0]!, 'mixed', pool, 1)).toMatchObject({ kind: 'choice', answer: 'SIGTERM(15)을 받아 종료됨' });
    expect(buildQuestion(pool[1]!, 'mixed', pool, 1)).toMatchObject({ kind: 'choice', answer: 'Trivy, Docker Scout' });
  });

  it('a mixed quiz skips one that has neither options nor an answer to type', () => {
    const bare: Card = { ...EXIT_143, distractors: [] };
    const lone = items(bare);
    expect(buildQuestion(lone[0]!, 'mixed', lone, 1)).toBeUndefined();
  });
});
