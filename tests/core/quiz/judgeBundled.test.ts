/**
 * The judge on the bundled cards a re-check of the walkthrough named (card ids from decks/):
 * wrong answers marked right, near misses between two different terms, right answers marked wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckItems } from '../../../src/core/deck/items.js';
import { parseAliasFile } from '../../../src/core/search/aliases.js';
import { buildQuestion, type TypedQuestion } from '../../../src/core/quiz/questions.js';
import { aliasKeys, checkTyped } from '../../../src/core/quiz/typedAnswer.js';
import { deckFilesIn, loadDeckFiles } from '../../../src/store/deckFiles.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ALIASES = aliasKeys(parseAliasFile(JSON.parse(readFileSync(join(ROOT, 'decks', 'aliases.json'), 'utf8'))).table);
const ITEMS = loadDeckFiles(deckFilesIn(join(ROOT, 'decks')).map((file) => ({ file, origin: 'bundled' as const }))).decks.flatMap((d) => deckItems(d.deck));

/** The verdict on a bundled card asked as a typed question (`key` is the card id, `~rev` for back to front). */
function judge(key: string, typed: string): string {
  const item = ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`no card ${key}`);
  const q = buildQuestion(item, 'typed', ITEMS, 1) as TypedQuestion;
  return checkTyped(typed, q.accepted, ALIASES).verdict;
}

describe('a hyphen or a space inside a Latin token is part of it', () => {
  it('unless-stopped, app-net, runc: the token split or joined is not right', () => {
    expect(judge('ops-unless-stopped', 'unless-stopped')).toBe('right');
    expect(judge('ops-unless-stopped', 'Unless-Stopped')).toBe('right');
    expect(judge('ops-unless-stopped', 'unless stopped')).not.toBe('right');
    expect(judge('ops-unless-stopped', 'unlessstopped')).not.toBe('right');
    expect(judge('dn-network-create', 'docker network create app-net')).toBe('right');
    expect(judge('dn-network-create', 'docker network create appnet')).toBe('wrong');
    expect(judge('dn-network-create', 'docker network create app net')).toBe('wrong');
    expect(judge('rt-runc-oci', 'runc')).toBe('right');
    expect(judge('rt-runc-oci', 'run c')).toBe('wrong');
  });

  it('Korean prose keeps its spacing tolerance, and a Latin word beside a Korean one', () => {
    expect(checkTyped('컨테이너런타임', ['컨테이너 런타임'], ALIASES).verdict).toBe('right');
    expect(checkTyped('Docker데몬', ['Docker 데몬'], ALIASES).verdict).toBe('right');
    expect(checkTyped('copy on write', ['copy-on-write'], ALIASES).verdict).toBe('right');
    expect(checkTyped('copy on write', ['copy-on-write']).verdict).toBe('close');
  });
});

describe('a typo that is another known term is wrong, not close', () => {
  it('container is not a slip of containerd', () => {
    for (const key of ITEMS.filter((i) => i.card.type === 'typed' && i.card.answer === 'containerd').map((i) => i.key)) {
      expect(judge(key, 'container'), key).toBe('wrong');
      expect(judge(key, 'containerd'), key).toBe('right');
      expect(judge(key, 'contianerd'), key).toBe('close');
    }
    expect(checkTyped('container', ['containerd'], ALIASES).verdict).toBe('wrong');
  });

  it('real slips stay close', () => {
    expect(checkTyped('Graduatd', ['Graduated'], ALIASES).verdict).toBe('close');
    expect(checkTyped('리눅스 제단', ['리눅스 재단', 'Linux Foundation'], ALIASES).verdict).toBe('close');
    expect(checkTyped('레이여', ['레이어'], ALIASES).verdict).toBe('close');
  });
});

describe('right answers written another way', () => {
  it('a number with its unit in another spelling; the bare number when the question names the unit', () => {
    for (const typed of ['10초', '10 초', '10s', '10 sec', '10 seconds', '10 Seconds']) expect(judge('ops-stop-default-timeout', typed), typed).toBe('right');
    // "몇 초 기다리나?" names the unit.
    expect(judge('ops-stop-default-timeout', '10')).toBe('right');
    for (const typed of ['11초', '10분', '10m', '10 minutes', '100']) expect(judge('ops-stop-default-timeout', typed), typed).toBe('wrong');
    for (const typed of ['128자', '128 characters', '128 chars', '128글자']) expect(judge('bs-tag-maxlen', typed), typed).toBe('right');
    // "최대 길이는?" asks a length, counted in characters: a bare 128 says it; another unit does not.
    expect(judge('bs-tag-maxlen', '128')).toBe('right');
    for (const typed of ['128s', '127', '256', '128분', '128 bytes']) expect(judge('bs-tag-maxlen', typed), typed).toBe('wrong');
  });

  it('a two-term sum with spaces around + or its terms swapped', () => {
    for (const typed of ['128+N', '128 + N', '128 +N', 'N + 128', 'N+128']) expect(judge('ops-exit-formula', typed), typed).toBe('right');
    for (const typed of ['128-N', '129+N', '128*N', '128 N', '128+M', '128+n+1']) expect(judge('ops-exit-formula', typed), typed).toBe('wrong');
  });

  it('a version with or without its v and a trailing .0', () => {
    for (const typed of ['23.0', 'v23.0', '23', 'v23', '23.0.0']) expect(judge('bs-buildkit-default', typed), typed).toBe('right');
    for (const typed of ['v29.0', '29.0', '29', 'v29', 'V29']) expect(judge('sec-cgroupv1-deprecated', typed), typed).toBe('right');
    for (const typed of ['24.0', '2.3', '230', 'v28.0', '29.1']) expect(judge(typed.startsWith('v28') || typed === '29.1' ? 'sec-cgroupv1-deprecated' : 'bs-buildkit-default', typed), typed).toBe('wrong');
    // An exit code is not a version.
    expect(judge('ops-exit-125', 'v125')).toBe('wrong');
    expect(judge('ops-exit-125', '125.0')).toBe('wrong');
  });

  it('a memory size in any spelling Docker reads as the same bytes (go-units RAMInBytes)', () => {
    const sizes = ['512m', '512M', '512mb', '512MB', '512MiB', '512mib', '0.5g', '0.5G', '0.5gb', '0.5GiB', '524288k'];
    for (const size of sizes) {
      for (const typed of [`--memory ${size}`, `--memory=${size}`, `-m ${size}`, `-m${size}`, `docker run -m ${size}`]) expect(judge('ops-memory-flag', typed), typed).toBe('right');
    }
    // Another number of bytes, or bare bytes, or a unit the CLI would not read.
    for (const size of ['512k', '5g', '51m', '512', '1g', '0.5m', '512mi', '512 m', '512 minutes']) {
      for (const typed of [`--memory ${size}`, `-m ${size}`]) expect(judge('ops-memory-flag', typed), typed).toBe('wrong');
    }
    // Another flag with the same size stays wrong.
    expect(judge('ops-memory-flag', '--memory-swap 512MB')).toBe('wrong');
    expect(judge('ops-memory-flag', '--shm-size 0.5g')).toBe('wrong');
  });

  it('a size as a bare value or inside prose; a bare `m` alone stays minutes', () => {
    for (const typed of ['512m', '512M', '512mb', '512MiB', '512 m', '512 MB', '0.5g', '0.5G', '0.5gb']) expect(checkTyped(typed, ['512MB'], ALIASES).verdict, typed).toBe('right');
    for (const typed of ['512k', '5g', '51m', '512', '1g', '512 minutes']) expect(checkTyped(typed, ['512MB'], ALIASES).verdict, typed).toBe('wrong');
    expect(checkTyped('여전히 약 500M 커진 상태다', ['여전히 약 500MB 커진 상태다'], ALIASES).verdict).toBe('right');
    expect(checkTyped('여전히 약 0.5GB 커진 상태다', ['여전히 약 500MB 커진 상태다'], ALIASES).verdict).toBe('wrong');
    // Without a size flag `10m` is ten minutes: `10MB` is not it, `10 minutes` is.
    expect(checkTyped('10MB', ['10m'], ALIASES).verdict).toBe('wrong');
    expect(checkTyped('10 minutes', ['10m'], ALIASES).verdict).toBe('right');
    expect(checkTyped('--since 10MB', ['--since 10m'], ALIASES).verdict).toBe('wrong');
    // In code a value is what the program parses: a duration's spelling is not free.
    expect(checkTyped('--interval=30sec', ['--interval=30s'], ALIASES).verdict).toBe('wrong');
    expect(checkTyped('docker logs --since 10minutes', ['docker logs --since 10m'], ALIASES).verdict).toBe('wrong');
    expect(checkTyped('sleep 10sec', ['sleep 10s'], ALIASES).verdict).toBe('wrong');
    expect(checkTyped('cgroup v2.0', ['--cgroup v2'], ALIASES).verdict).toBe('wrong');
    expect(checkTyped('--since 10m', ['--since 10MB'], ALIASES).verdict).toBe('wrong');
  });

  it('an exit code with a counter or a lead word, when the question asks for an exit code', () => {
    for (const typed of ['125', '125번', '125 번', 'exit 125', 'Exit 125', 'exit code 125', 'Exit code: 125', 'exit status 125', '종료 코드 125', '종료코드 125']) expect(judge('ops-exit-125', typed), typed).toBe('right');
    for (const typed of ['126', '125 127', 'exit 1', 'exit 126', '126번', '종료 코드 127', 'exit code 125 127', 'v125', '125.0']) expect(judge('ops-exit-125', typed), typed).toBe('wrong');
    expect(judge('ops-exit-127', 'exit code 127')).toBe('right');
    // Not an exit-code question: a layer count of 3 is not `exit 3`.
    expect(judge('img-layer-count', '3')).toBe('right');
    expect(judge('img-layer-count', 'exit 3')).toBe('wrong');
    expect(judge('img-layer-count', '종료 코드 3')).toBe('wrong');
  });

  it('a Docker Engine version named with its product, when the question asks for an Engine release', () => {
    for (const typed of ['Docker 23.0', 'docker 23', 'v23.0', 'Docker Engine 23.0', 'docker engine v23', '도커 23.0', '도커 엔진 23.0', 'Docker 엔진 23']) expect(judge('bs-buildkit-default', typed), typed).toBe('right');
    for (const typed of ['24.0', 'Docker 24.0', 'Docker 2.3', '23.1', 'Docker 23.1', 'Docker Engine 24', 'Docker 23.0 24.0', 'Kubernetes 23.0', 'BuildKit 23.0']) expect(judge('bs-buildkit-default', typed), typed).toBe('wrong');
    for (const typed of ['Docker v29.0', 'Docker Engine 29', 'docker 29.0.0']) expect(judge('sec-cgroupv1-deprecated', typed), typed).toBe('right');
    expect(judge('sec-cgroupv1-deprecated', 'Docker 28')).toBe('wrong');
    // A lead word is only right when the question asks for a Docker Engine release.
    const k8s = deckItems({ id: 't', title: 't', description: '', language: 'ko', cards: [{ id: 'k8s', type: 'typed', front: 'Docker를 쓰던 클러스터가 cgroup v1에서 kubelet이 시작을 거부하게 된 Kubernetes 버전은?', answer: '1.35' }] })[0]!;
    const q = buildQuestion(k8s, 'typed', [k8s], 1) as TypedQuestion;
    expect(checkTyped('v1.35', q.accepted, ALIASES).verdict).toBe('right');
    expect(checkTyped('Docker 1.35', q.accepted, ALIASES).verdict).toBe('wrong');
  });

  it('the value with the flag the question asks it for', () => {
    for (const typed of ['on-failure:5', '--restart on-failure:5', '--restart=on-failure:5']) expect(judge('ops-on-failure', typed), typed).toBe('right');
    for (const typed of ['--restart on-failure:3', '--restart always', '-restart on-failure:5', '--network on-failure:5']) expect(judge('ops-on-failure', typed), typed).toBe('wrong');
    for (const typed of ['none', '--network none', '--network=none']) expect(judge('dn-none-network', typed), typed).toBe('right');
    expect(judge('dn-none-network', '--network host')).toBe('wrong');
  });

  it('host port for the host side port', () => {
    for (const typed of ['호스트 쪽 포트', '호스트 포트', 'host port', 'Host Port']) expect(judge('dn-publish-side', typed), typed).toBe('right');
    expect(judge('dn-publish-side', '컨테이너 포트')).toBe('wrong');
  });
});

describe('an English plural of a term is the term', () => {
  it('namespaces on both namespace cards', () => {
    expect(judge('vm-namespaces~rev', 'namespaces')).toBe('right');
    expect(judge('vm-namespace-choice', 'namespaces')).toBe('right');
    expect(judge('vm-namespace-choice', 'Namespaces')).toBe('right');
  });

  it('but never in a command line, and never a plural that changes a digit', () => {
    expect(checkTyped('docker images', ['docker image'], ALIASES).verdict).not.toBe('right');
    expect(checkTyped('overlays', ['overlay2'], ALIASES).verdict).toBe('wrong');
  });
});

describe('second re-check: a flag named in passing, a config key split', () => {
  it('a value typed with a flag only when the question asks for that flag’s value', () => {
    expect(judge('ops-on-failure', '--restart on-failure:5')).toBe('right');
    expect(judge('dn-none-network', '--network none')).toBe('right');
    // The question names `--foo` or `--init` in passing: a flag in front is not the answer.
    expect(judge('ops-exit-125', '125')).toBe('right');
    expect(judge('ops-exit-125', '--foo 125')).toBe('wrong');
    expect(judge('ops-init-tini', '--init tini')).toBe('wrong');
  });

  it('live-restore is a daemon.json key: `live restore` is not right (a search alias only)', () => {
    const key = ITEMS.find((i) => i.card.type === 'typed' && i.card.answer === 'live-restore')?.key;
    expect(key).toBeDefined();
    expect(judge(key!, 'live-restore')).toBe('right');
    expect(judge(key!, 'live restore')).not.toBe('right');
  });
});

describe('third re-check: an instruction with a contradicting argument, glosses, counts', () => {
  it('USER with root or UID 0 as the user is not the non-root USER the question asks', () => {
    for (const typed of ['USER', 'USER appuser', 'USER 1000', 'USER app:app', 'user appuser', 'USER 1000:0', 'USER rootless']) expect(judge('df-user', typed), typed).toBe('right');
    for (const typed of ['USER root', 'USER 0', 'USER root:root', 'USER 0:0', 'USER ROOT', 'USER root:app', 'USER 0:1000', 'USER 00', 'USER "root"', 'user root', 'USER +0', 'USER -0', 'USER +0:0']) expect(judge('df-user', typed), typed).toBe('wrong');
  });

  it('COPY with a URL source is no COPY (BuildKit refuses it); a local source stays right', () => {
    for (const typed of ['COPY', 'COPY . /app', 'COPY app.tar.gz /app/']) expect(judge('df-copy-preferred', typed), typed).toBe('right');
    for (const typed of ['COPY https://example.com/app.tar.gz /app/', 'COPY http://example.com/a /a']) expect(judge('df-copy-preferred', typed), typed).toBe('wrong');
  });

  it('a sum reads its letters in any case', () => {
    for (const typed of ['128+n', 'n + 128', '128 + n']) expect(judge('ops-exit-formula', typed), typed).toBe('right');
    for (const typed of ['128+m', '128-n', '129+n']) expect(judge('ops-exit-formula', typed), typed).toBe('wrong');
  });

  it('an image index by either of its names, in either language', () => {
    for (const typed of ['이미지 인덱스(매니페스트 리스트)', '이미지 인덱스', 'image index', 'Image Index', 'manifest list', '매니페스트 리스트', '매니페스트리스트']) expect(judge('bs-image-index', typed), typed).toBe('right');
    // A word of the name left out is not a slip of it.
    for (const typed of ['index', 'list', 'manifest', '이미지', '매니페스트', 'image manifest', '이미지 설정']) expect(judge('bs-image-index', typed), typed).toBe('wrong');
  });

  it('a pull-through cache is a registry mirror (docs.docker.com: "Mirror the Docker Hub library")', () => {
    for (const typed of ['pull-through 캐시 레지스트리', 'pull-through cache', 'pull through cache', 'pull-through 캐시', 'registry mirror', '레지스트리 미러', 'pull-through cache registry']) expect(judge('bs-pull-through', typed), typed).toBe('right');
    for (const typed of ['캐시', '레지스트리', 'push-through cache', '업로드 프록시', 'proxy']) expect(judge('bs-pull-through', typed), typed).not.toBe('right');
  });

  it('a version with the word 버전 around it', () => {
    for (const typed of ['버전 23', '23 버전', '23.0 버전', 'v23 버전', 'version 23', 'Docker 23']) expect(judge('bs-buildkit-default', typed), typed).toBe('right');
    for (const typed of ['버전 24', '24 버전', '23.1 버전', '버전 2.3', '버전 18.09']) expect(judge('bs-buildkit-default', typed), typed).toBe('wrong');
    expect(judge('sec-cgroupv1-deprecated', '29 버전')).toBe('right');
    expect(judge('sec-cgroupv1-deprecated', '28 버전')).toBe('wrong');
  });

  it('a relative secret source with or without ./ is the same file; an absolute one is not', () => {
    for (const typed of ['--secret id=token,src=token.txt', '--secret id=token,source=token.txt', '--secret src=token.txt,id=token', '--secret=id=token,src=token.txt', 'docker build --secret id=token,src=token.txt', '--secret id=token,src=./token.txt']) {
      expect(judge('bs-secret-cli', typed), typed).toBe('right');
    }
    for (const typed of ['--secret id=token,src=/token.txt', '--secret id=token,src=../token.txt', '--secret id=token,src=.token.txt', '--secret id=tok,src=token.txt', '--secret id=token,src=token']) {
      expect(judge('bs-secret-cli', typed), typed).toBe('wrong');
    }
  });

  it('the two default-user cards take the same names of root', () => {
    for (const key of ['sec-default-user', 'df-default-user']) {
      for (const typed of ['root', '루트', 'UID 0', 'uid 0', '0', 'root user', '루트 사용자']) expect(judge(key, typed), `${key} ${typed}`).toBe('right');
      for (const typed of ['nobody', 'UID 1000', '1000', 'uid 65534', 'docker']) expect(judge(key, typed), `${key} ${typed}`).toBe('wrong');
    }
  });

  it('OS is 운영체제', () => {
    for (const typed of ['운영체제', 'OS', 'os', 'operating system', 'OS 수준', '운영체제 수준']) expect(judge('vm-isolation-level', typed), typed).toBe('right');
    for (const typed of ['애플리케이션 수준', '하드웨어', 'application', 'VM', '네트워크 수준']) expect(judge('vm-isolation-level', typed), typed).toBe('wrong');
  });

  it('a count in Korean native numerals is its number, and another number is wrong, not close', () => {
    for (const typed of ['3', '3개', '3 개', '세 개', '세개', '셋', '세 가지', '세 개의']) expect(judge('img-layer-count', typed), typed).toBe('right');
    for (const typed of ['네 개', '넷', '4', '4개', '두 개', '둘', '다섯 개', '한 개', '네개', '세 번째', '셋째']) expect(judge('img-layer-count', typed), typed).toBe('wrong');
    // An answer that is a bare number is not a count: `하나` is not PID 1.
    expect(checkTyped('하나', ['1'], ALIASES).verdict).toBe('wrong');
    expect(checkTyped('한 개', ['1'], ALIASES).verdict).toBe('wrong');
    // A number that is not a count (an exit code, a UID) is not said in native numerals.
    expect(judge('df-default-user', '영')).toBe('wrong');
    expect(judge('ops-exit-125', '125번')).toBe('right');
  });
});
