/** Decks for screen tests, built in memory so other fixtures can change freely. */
import type { Card, LoadedDeck } from '../../src/core/deck/types.js';

export const MINI_CARDS: Card[] = [
  { id: 'mini-layer', type: 'basic', front: '레이어란?', back: '이미지를 이루는 읽기 전용 층', tags: ['image'], note: '쓰기는 컨테이너 레이어에만', source: { seed: 'docker-basics', section: '이미지' } },
  { id: 'mini-runtime', type: 'reversible', front: '컨테이너 런타임', back: 'container runtime', aliases: ['런타임'] },
  { id: 'mini-cloze', type: 'cloze', front: '이미지는 {{읽기 전용}} 템플릿이다' },
  { id: 'mini-choice', type: 'choice', front: '저수준 런타임은?', answer: 'runc', distractors: ['containerd', 'CRI-O'] },
  { id: 'mini-typed', type: 'typed', front: '기본 레지스트리 주소', answer: 'docker.io' },
  { id: 'mini-order', type: 'order', front: '호출 순서', steps: ['docker CLI', 'dockerd', 'containerd', 'runc'] },
  { id: 'mini-interview', type: 'interview', front: 'VM과 컨테이너의 차이를 설명하세요', points: ['VM은 게스트 OS 포함', '컨테이너는 호스트 커널 공유'] },
];

function loaded(id: string, title: string, cards: Card[]): LoadedDeck {
  return { deck: { id, title, description: '', language: 'ko', cards }, file: `${id}.json`, origin: 'dir', contentHash: id };
}

export function miniDecks(): LoadedDeck[] {
  return [
    loaded('mini', '미니 덱', structuredClone(MINI_CARDS)),
    loaded('net', 'Network', [{ id: 'net-bridge', type: 'basic', front: 'bridge 네트워크란?', back: '기본 네트워크 드라이버' }]),
  ];
}
