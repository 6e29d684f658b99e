/** A small deck written for the search tests (the shipped decks are tested by relevance.test.ts). */
import type { Card, Deck, LoadedDeck } from '../../../src/core/deck/types.js';

export function loaded(deck: Deck, hash = `hash-${deck.id}`): LoadedDeck {
  return { deck, file: `${deck.id}.json`, origin: 'dir', contentHash: hash };
}

const cards: Card[] = [
  { id: 'layer', type: 'basic', front: '레이어란?', back: '이미지를 이루는 읽기 전용 층. 변경분만 쌓인다.', tags: ['image'] },
  { id: 'docker', type: 'basic', front: '도커는 무엇인가?', back: '컨테이너를 만들고 실행하는 플랫폼', tags: ['basics'] },
  { id: 'runtime', type: 'reversible', front: '컨테이너 런타임', back: 'container runtime', aliases: ['런타임'] },
  { id: 'multistage', type: 'basic', front: '멀티 스테이지 빌드의 장점', back: '빌드 도구를 최종 이미지에서 빼서 크기를 줄인다', tags: ['dockerfile'] },
  { id: 'pause', type: 'basic', front: 'docker pause 의 동작', back: '컨테이너의 프로세스를 일시정지한다 (cgroup freezer)', tags: ['cli'] },
  { id: 'vm', type: 'basic', front: '가상머신과 컨테이너의 차이', back: '가상머신은 게스트 OS를 포함하고 컨테이너는 호스트 커널을 공유한다', tags: ['basics'] },
  { id: 'dockerfile', type: 'basic', front: 'Dockerfile이란?', back: '이미지를 만드는 명령을 적은 텍스트 파일', tags: ['dockerfile'] },
  { id: 'registry', type: 'basic', front: '레지스트리의 역할', back: '이미지를 저장하고 배포하는 서버 (예: Docker Hub)', tags: ['image'] },
  { id: 'k8s', type: 'basic', front: '쿠버네티스란?', back: '컨테이너 오케스트레이션 도구', tags: ['orchestration'] },
  { id: 'runc', type: 'choice', front: '저수준 컨테이너 런타임은?', answer: 'runc', distractors: ['containerd', 'CRI-O'] },
  { id: 'containerd', type: 'typed', front: '도커가 사용하는 고수준 런타임', answer: 'containerd' },
  { id: 'cloze', type: 'cloze', front: '이미지는 {{읽기 전용}} 템플릿이다' },
];

export const FIXTURE: Deck = { id: 'fixture', title: '검색 테스트 덱', description: 'search tests', language: 'ko', cards };

export const FIXTURE_ALIASES = [
  ['도커', 'Docker'],
  ['컨테이너', 'container'],
  ['이미지', 'image'],
  ['레이어', 'layer'],
  ['런타임', 'runtime'],
  ['가상머신', 'VM', 'virtual machine'],
  ['도커파일', 'Dockerfile'],
  ['레지스트리', 'registry'],
  ['쿠버네티스', 'Kubernetes', 'k8s'],
];
