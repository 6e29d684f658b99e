/**
 * Cards from the content audit (§6) and the walkthrough (A1–A5), as they were when the bugs
 * were reproduced: copied here so a rewrite of the bundled decks does not change what the
 * judge and linter tests check.
 */
import type { Card } from '../../src/core/deck/types.js';

export const DF_PUBLISH = { id: 'df-publish', type: 'typed', topic: 'expose', front: '컨테이너의 8080 포트를 호스트의 80 포트로 공개하는 docker run 옵션은?', answer: '-p 80:8080', aliases: ['--publish 80:8080', '-p 0.0.0.0:80:8080'] } satisfies Card;
export const REG_FULL_NAME = { id: 'reg-full-name', type: 'typed', front: 'docker pull nginx 가 실제로 가리키는 전체 이미지 이름은?', answer: 'docker.io/library/nginx:latest' } satisfies Card;
export const REG_PRIVATE_NAME = {
  id: 'reg-private-name',
  type: 'choice',
  topic: 'registry-name',
  front: '사설 레지스트리 harbor.example.com 의 team 프로젝트에 있는 api 이미지, 버전 1.2의 이름은?',
  answer: 'harbor.example.com/team/api:1.2',
  distractors: ['team/api:1.2@harbor.example.com', 'harbor.example.com:team/api/1.2', 'api/team:1.2/harbor.example.com'],
} satisfies Card;
export const ARCH_DOCKERD = { id: 'arch-dockerd', type: 'typed', front: 'Docker 데몬 프로세스(실행 파일)의 이름은?', answer: 'dockerd', aliases: ['docker daemon', '도커 데몬'], tags: ['architecture', 'daemon'] } satisfies Card;
export const ARCH_DAEMON = { id: 'arch-daemon', type: 'basic', front: '요청을 받아 컨테이너를 관리하는 백그라운드 프로세스는?', back: 'Docker 데몬', tags: ['architecture', 'daemon'] } satisfies Card;
export const VM_NAMESPACES = { id: 'vm-namespaces', type: 'reversible', front: 'namespace', back: '프로세스가 보는 시스템 자원을 분리하는 커널 기능. PID·network·mount·UTS·IPC·user 네임스페이스로 컨테이너마다 자기만의 시스템처럼 보이게 한다.', aliases: ['네임스페이스', 'namespaces'] } satisfies Card;
export const IMG_COW_DELETE = {
  id: 'img-cow-delete',
  type: 'choice',
  front: '컨테이너 안에서 이미지에 있던 파일을 지우면?',
  answer: '컨테이너 레이어에 삭제 표시(whiteout)만 생기고 이미지 레이어는 그대로다',
  distractors: ['이미지 레이어에서 파일이 실제로 지워진다', '같은 이미지로 만든 모든 컨테이너에서 파일이 사라진다', '이미지 크기가 그만큼 줄어든다'],
} satisfies Card;
export const IMG_PAUSED = { id: 'img-paused', type: 'choice', front: 'docker pause 후 컨테이너의 상태는?', answer: 'paused (일시 정지)', distractors: ['exited (종료)', 'created (생성됨)', 'restarting (재시작 중)'] } satisfies Card;
export const VM_SIZE = { id: 'vm-size', type: 'choice', front: '보통 수 MB~수백 MB로 가벼운 것은? (나머지는 대개 수 GB 이상)', answer: '컨테이너 이미지', distractors: ['VM 디스크 이미지', '게스트 OS 설치 이미지', 'VM 템플릿 (OVA)'] } satisfies Card;
export const REG_DIGEST = { id: 'reg-digest-symbol', type: 'typed', topic: 'registry-name', front: '태그 대신 digest로 이미지를 지정할 때 이름과 digest 사이에 쓰는 기호는?', answer: '@' } satisfies Card;
export const REG_DEFAULT = { id: 'reg-default-registry', type: 'typed', topic: 'registry-name', front: '레지스트리를 생략하면 쓰는 기본 레지스트리는?', answer: 'docker.io' } satisfies Card;
export const REG_PULL_EXISTING = { id: 'reg-pull-existing', type: 'choice', topic: 'registry-name', front: '이미 있는 레이어는?', answer: 'digest가 같으면 다시 받지 않는다 (Already exists)' } satisfies Card;

