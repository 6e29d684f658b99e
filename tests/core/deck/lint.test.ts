/**
 * One test per lint rule, each with a card the content audit flagged (as it was then) and the
 * same card fixed: the rule fires on the first and not on the second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINT_RULES, lintDecks, seedSections, type LintDeck, type LintRule } from '../../../src/core/deck/lint.js';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { IMG_COW_DELETE, VM_NAMESPACES } from '../auditCards.js';
import { parseAliasFile } from '../../../src/core/search/aliases.js';
import { aliasKeys } from '../../../src/core/quiz/typedAnswer.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ALIASES = aliasKeys(parseAliasFile(JSON.parse(readFileSync(join(ROOT, 'decks', 'aliases.json'), 'utf8'))).table);

const deck = (cards: Card[], id = 'audit'): Deck => ({ id, title: id, description: '', language: 'ko', cards });
const lintDeck = (d: Deck, text?: string): LintDeck => ({ file: `${d.id}.json`, deck: d, text });
const rules = (cards: Card[], extra: Parameters<typeof lintDecks>[1] = {}): [string, LintRule][] =>
  lintDecks([lintDeck(deck(cards))], { aliases: ALIASES, ...extra }).map((w) => [w.cardId, w.rule]);

describe('equal-options', () => {
  it('reg-private-name: distractors differing from the answer only in punctuation are not equal; case and spacing are', () => {
    const card: Card = { id: 'reg-private-name', type: 'choice', front: 'q', answer: 'harbor.example.com/team/api:1.2', distractors: ['harbor.example.com:team/api/1.2', 'team/api:1.2@harbor.example.com'] };
    expect(rules([card])).toEqual([]);
    expect(rules([{ ...card, distractors: ['Harbor.example.com/team/api:1.2'] }])).toEqual([]); // case counts in a reference
    const plain: Card = { id: 'rt-crio', type: 'choice', front: 'q', answer: 'CRI-O', distractors: ['cri o', 'runc'] };
    expect(rules([plain])).toEqual([['rt-crio', 'equal-options']]);
  });

  it('a distractor that is an alias of the answer (through the alias groups) is a second right option', () => {
    const card: Card = { id: 'arch-dockerd-choice', type: 'choice', front: 'q', answer: 'Docker 데몬', distractors: ['docker daemon', 'containerd'] };
    expect(rules([card])).toEqual([['arch-dockerd-choice', 'equal-options']]);
    const own: Card = { id: 'x', type: 'choice', front: 'q', answer: 'paused (일시 정지)', distractors: ['paused', 'exited'] };
    expect(rules([own])).toContainEqual(['x', 'equal-options']);
  });
});

describe('choice answers guessable from form', () => {
  const cow = IMG_COW_DELETE;

  it('img-cow-delete: the only option with a parenthetical; fixed, it is silent', () => {
    expect(rules([cow])).toEqual([['img-cow-delete', 'only-parenthetical']]);
    expect(rules([{ ...cow, answer: '쓰기 레이어에 whiteout만 생긴다' }])).toEqual([]);
  });

  it('arch-remote-daemon: at least twice as long as every distractor', () => {
    const card: Card = { id: 'arch-remote-daemon', type: 'choice', front: 'CLI와 데몬이 API로 분리되어 있어 할 수 있는 것은?', answer: '내 PC의 CLI로 원격 호스트의 데몬을 제어하고 여러 서버를 한 곳에서 관리한다', distractors: ['빌드가 빨라진다', '이미지가 작아진다'] };
    expect(rules([card])).toContainEqual(['arch-remote-daemon', 'long-answer']);
    expect(rules([{ ...card, answer: '원격 호스트의 데몬을 제어한다' }])).not.toContainEqual(['arch-remote-daemon', 'long-answer']);
    // Short terms are all short: `containerd` beside `runc` is fair.
    expect(rules([{ id: 'rt', type: 'choice', front: 'q', answer: 'containerd', distractors: ['runc', 'crun'] }])).toEqual([]);
  });

  it('vm-namespace-choice: only the answer repeats a word of the question ("PID")', () => {
    const card: Card = { id: 'vm-namespace-choice', type: 'choice', front: '컨테이너 안에서 자기 앱이 PID 1로 보이고 호스트의 다른 프로세스는 보이지 않게 하는 커널 기능은?', answer: 'PID namespace', distractors: ['cgroup', 'seccomp', 'capabilities'] };
    expect(rules([card])).toEqual([['vm-namespace-choice', 'question-keyword']]);
    expect(rules([{ ...card, front: '컨테이너 안에서 자기 앱이 1번 프로세스로 보이고 호스트의 다른 프로세스는 보이지 않게 하는 커널 기능은?' }])).toEqual([]);
  });

  it('a word that is the subject of many cards (컨테이너) is not a tell', () => {
    const filler: Card[] = Array.from({ length: 6 }, (_, i) => ({ id: `f${i}`, type: 'basic', front: `컨테이너 질문 ${i}`, back: 'a' }));
    const card: Card = { id: 'c', type: 'choice', front: '컨테이너를 지우면?', answer: '컨테이너 레이어가 사라진다', distractors: ['이미지가 지워진다', '볼륨이 지워진다'] };
    expect(rules([...filler, card])).toEqual([]);
  });
});

describe('cloze-giveaway', () => {
  it('img-recipe-analogy: the gap appears elsewhere ("그 레시피로")', () => {
    const card: Card = { id: 'img-recipe-analogy', type: 'cloze', front: '비유: 이미지가 {{레시피}}라면 컨테이너는 그 레시피로 만든 음식들이다.' };
    expect(rules([card])).toEqual([['img-recipe-analogy', 'cloze-giveaway']]);
    expect(rules([{ ...card, front: '비유: 이미지가 {{레시피}}라면 컨테이너는 그것으로 만든 음식들이다.' }])).toEqual([]);
  });

  it('cncf-landscape: the next words give the gap (the URL)', () => {
    const card: Card = { id: 'cncf-landscape', type: 'cloze', front: 'CNCF 프로젝트를 분야별로 한눈에 보여 주는 지도는 {{CNCF Landscape}}(landscape.cncf.io)다.' };
    expect(rules([card])).toEqual([['cncf-landscape', 'cloze-giveaway']]);
  });

  it('vm-house-analogy: one word of the gap right after it ("그 집 안의 방")', () => {
    const card: Card = { id: 'vm-house-analogy', type: 'cloze', front: '비유하면 가상머신은 {{집 전체}}이고, 컨테이너는 그 집 안의 방이다.' };
    expect(rules([card])).toEqual([['vm-house-analogy', 'cloze-giveaway']]);
    expect(rules([{ ...card, front: '비유하면 가상머신은 {{집 전체}}이고, 컨테이너는 그 안의 방이다.' }])).toEqual([]);
  });
});

describe('reverse-giveaway', () => {
  it('vm-namespaces: the back names the front through an alias (네임스페이스)', () => {
    const card = VM_NAMESPACES;
    expect(rules([card])).toEqual([['vm-namespaces', 'reverse-giveaway']]);
    expect(rules([{ ...card, back: '프로세스가 보는 시스템 자원을 분리하는 커널 기능. PID·network·mount·UTS·IPC·user 등 종류별로 격리.' }])).toEqual([]);
  });

  it('rt-oci: the back begins with the expansion (an alias group); CRI is not found inside CRI-O', () => {
    const oci: Card = { id: 'rt-oci', type: 'reversible', front: 'OCI', back: 'Open Container Initiative. 컨테이너 표준을 만드는 프로젝트.' };
    expect(rules([oci])).toEqual([['rt-oci', 'reverse-giveaway']]);
    const cri: Card = { id: 'rt-cri', type: 'reversible', front: 'CRI', back: 'kubelet이 런타임(containerd, CRI-O)과 통신하는 인터페이스.' };
    expect(rules([cri])).toEqual([]);
  });
});

describe('duplicate-front', () => {
  it('finds the same front across decks, spacing and case aside, and not different questions', () => {
    const a: Card = { id: 'rt-level-runc', type: 'basic', front: 'runc는 저수준 런타임인가 고수준 런타임인가?', back: '저수준' };
    const b: Card = { id: 'rt-runc-level', type: 'basic', front: 'runc는 저수준 런타임인가, 고수준런타임인가?', back: '저수준' };
    const c: Card = { id: 'rt-crio-level', type: 'basic', front: 'CRI-O는 저수준 런타임인가 고수준 런타임인가?', back: '고수준' };
    const w = lintDecks([lintDeck(deck([a, c], 'runtimes')), lintDeck(deck([b], 'other'))]);
    expect(w.map((x) => [x.cardId, x.rule])).toEqual([['rt-runc-level', 'duplicate-front']]);
    expect(w[0]!.message).toContain('rt-level-runc');
  });
});

describe('yes-no-skew', () => {
  const no = (id: string, back: string): Card => ({ id, type: 'basic', front: `${id}?`, back });
  it('the seed-correction cards, all answering 아니다, in one deck', () => {
    const cards = [no('vm-portability', '아니다. 커널 종류와 CPU 아키텍처가 맞아야 한다.'), no('img-no-copy', '아니다. 읽기 전용 레이어는 공유된다.'), no('img-image-not-vm-disk', '아니다. OS를 부팅하는 디스크가 아니다.'), no('df-entrypoint-not-security', '아니다. --entrypoint로 바꿀 수 있다.')];
    expect(rules(cards).map(([, r]) => r)).toEqual(['yes-no-skew', 'yes-no-skew', 'yes-no-skew', 'yes-no-skew']);
    expect(rules([...cards, no('y1', '예. 공유한다.'), no('y2', '그렇다.')])).toEqual([]);
  });
});

describe('typed-too-long', () => {
  it('a typed answer or a gap over 40 columns', () => {
    expect(rules([{ id: 't', type: 'typed', front: 'q', answer: '셸 없이 앱이 PID 1로 실행되어 docker stop의 SIGTERM을 직접 받는다' }])).toEqual([['t', 'typed-too-long']]);
    expect(rules([{ id: 'z', type: 'cloze', front: '{{셸 없이 앱이 PID 1로 실행되어 docker stop의 SIGTERM을 직접 받는다}}' }])).toEqual([['z', 'typed-too-long']]);
    expect(rules([{ id: 'ok', type: 'typed', front: 'q', answer: 'docker.io/library/nginx:latest' }])).toEqual([]);
  });
});

describe('empty-source', () => {
  const note = '# 노트\n## 도커의 이미지 레이어란\n이미지는 읽기 전용 레이어를 쌓은 것이다.\n## 상위\n### 하위\n내용이 있다.\n### 참고 자료\n\n- [https://a.example/b](https://a.example/b)\n- https://c.example/d\n';
  const seeds = new Map([['000.txt', seedSections(note)]]);
  const cite = (section: string): Card => ({ id: 'img-layer-instructions', type: 'basic', front: 'q', back: 'a', source: { seed: '000.txt', section } });

  it('img-layer-instructions: a links-only section, or one that is not a heading, is warned about', () => {
    expect(rules([cite('참고 자료')], { seeds })).toEqual([['img-layer-instructions', 'empty-source']]);
    expect(rules([cite('없는 절')], { seeds })).toEqual([['img-layer-instructions', 'empty-source']]);
    expect(rules([cite('도커의 이미지 레이어란')], { seeds })).toEqual([]);
    // A heading that only introduces subsections has their content.
    expect(rules([cite('상위')], { seeds })).toEqual([]);
    // Without the notes there is nothing to check against.
    expect(rules([cite('참고 자료')])).toEqual([]);
  });
});

describe('warnings', () => {
  it('name the file, line and column of the card, its id, the rule and what to change', () => {
    const d = deck([{ id: 'ok', type: 'basic', front: 'a', back: 'b' }, { id: 'img-recipe-analogy', type: 'cloze', front: '이미지가 {{레시피}}라면 컨테이너는 그 레시피로 만든 음식' }]);
    const text = JSON.stringify(d, null, 2);
    const [w] = lintDecks([lintDeck(d, text)]);
    expect(w).toMatchObject({ file: 'audit.json', severity: 'warning', cardId: 'img-recipe-analogy', rule: 'cloze-giveaway' });
    const line = text.split('\n').findIndex((l) => l.includes('"front": "이미지가')) + 1;
    expect(w!.location).toEqual({ line, column: 16 });
    expect(w!.message).toContain('card img-recipe-analogy');
    expect(w!.hint).toBeTruthy();
  });

  it('every rule is covered above', () => expect(LINT_RULES).toHaveLength(10));
});
