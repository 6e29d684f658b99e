import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deckItems, type StudyItem } from '../../../src/core/deck/items.js';
import type { Card, Deck } from '../../../src/core/deck/types.js';

/** A small deck with confusable topics (runtimes, Dockerfile instructions) and every card type. */
export const CARDS: Card[] = [
  { id: 'rt-runc', type: 'typed', front: '저수준 OCI 런타임은?', answer: 'runc', topic: 'runtime', tags: ['runtime'] },
  { id: 'rt-containerd', type: 'typed', front: 'dockerd가 컨테이너를 맡기는 데몬은?', answer: 'containerd', topic: 'runtime', tags: ['runtime'] },
  { id: 'rt-crio', type: 'basic', front: 'Kubernetes 전용 CRI 런타임은?', back: 'CRI-O', topic: 'runtime', tags: ['runtime'] },
  { id: 'rt-dockerd', type: 'basic', front: 'Docker CLI 요청을 받는 데몬은?', back: 'dockerd', topic: 'runtime', tags: ['runtime'] },
  { id: 'rt-shim', type: 'basic', front: '컨테이너 프로세스의 부모로 남는 것은?', back: 'containerd-shim', topic: 'runtime', tags: ['runtime'] },
  {
    id: 'df-arg',
    type: 'choice',
    front: '빌드할 때만 쓰이는 변수를 정의하는 명령은?',
    answer: 'ARG',
    distractors: ['ENV'],
    topic: 'dockerfile-vars',
    tags: ['dockerfile'],
    note: 'ARG는 빌드 시점, ENV는 실행 시점까지 남는다.',
  },
  { id: 'df-env', type: 'basic', front: '컨테이너 실행 시에도 남는 환경 변수를 정의하는 명령은?', back: 'ENV', topic: 'dockerfile-vars', tags: ['dockerfile'] },
  { id: 'df-label', type: 'basic', front: '이미지에 메타데이터를 붙이는 명령은?', back: 'LABEL', tags: ['dockerfile'] },
  { id: 'df-expose', type: 'basic', front: '컨테이너가 듣는 포트를 문서화하는 명령은?', back: 'EXPOSE', tags: ['dockerfile'] },
  { id: 'vm', type: 'reversible', front: '게스트 OS를 포함하는 가상화', back: '가상머신', aliases: ['VM', 'virtual machine'], topic: 'virt' },
  { id: 'ct', type: 'reversible', front: '호스트 커널을 공유하는 격리된 프로세스', back: '컨테이너', aliases: ['container'], topic: 'virt' },
  { id: 'cl-1', type: 'cloze', front: '이미지는 {{읽기 전용}}이고 컨테이너는 그 위에 {{쓰기 가능한}} 레이어를 더한다.', back: 'copy-on-write' },
  { id: 'or-1', type: 'order', front: 'docker run이 거치는 순서는?', steps: ['Docker CLI', 'dockerd', 'containerd', 'runc'] },
  { id: 'iv-1', type: 'interview', front: '컨테이너와 가상머신의 차이를 설명하세요.', points: ['커널 공유', '게스트 OS 없음', '시작이 빠름'] },
  { id: 'long', type: 'basic', front: '긴 답', back: '이 답은 한 줄이 아니다\n두 번째 줄도 있다' },
];

export const DECK: Deck = { id: 'docker', title: 'Docker', description: 'Quiz test deck', language: 'ko', cards: CARDS };

export const ITEMS: StudyItem[] = deckItems(DECK);

export function item(key: string): StudyItem {
  const found = ITEMS.find((i) => i.key === key);
  if (!found) throw new Error(`no item ${key}`);
  return found;
}

/** Cards only the end-to-end tests select (by tag): one Korean and one English typed answer. */
export const E2E_CARDS: Card[] = [
  { id: 'e2e-ko', type: 'typed', front: '게스트 OS를 통째로 포함하는 가상화 방식은?', answer: '가상머신', aliases: ['VM'], tags: ['ko-typed'] },
  { id: 'e2e-en', type: 'typed', front: 'dockerd가 컨테이너 실행을 맡기는 데몬의 이름은?', answer: 'containerd', tags: ['en-typed'] },
];

/** The fixture deck plus the e2e cards, as a deck file in `dir` (for `amgi --decks DIR`). */
export function writeDeckDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'docker.json'), JSON.stringify({ ...DECK, cards: [...CARDS, ...E2E_CARDS] }, null, 2));
  return dir;
}
