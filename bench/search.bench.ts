/**
 * Issue 4: search latency per keystroke, index build cold and warm, and plain fuse.js on the same
 * generated decks (1k, 10k, 100k cards of ~200 mixed Korean/English characters), same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble, disassemble } from 'es-hangul';
import Fuse from 'fuse.js';
import type { Card, LoadedDeck } from '../src/core/deck/types.js';
import { answerText, frontText } from '../src/core/deck/cards.js';
import { contentHash } from '../src/core/deck/collection.js';
import { buildSearchIndex } from '../src/core/search/index.js';
import { fileDerivedCache, loadAliases } from '../src/store/searchCache.js';
import { mulberry32 } from '../src/core/quiz/random.js';
import { fmt, median, percentile, table, timeFn } from './lib.js';


const KO_TERMS = '컨테이너 이미지 레이어 도커 런타임 가상머신 하이퍼바이저 커널 네임스페이스 프로세스 볼륨 네트워크 브리지 포트 레지스트리 태그 빌드 캐시 오케스트레이션 쿠버네티스 파드 서비스 배포 스케줄러 노드 클러스터 격리 자원 메모리 파일시스템 마운트 환경변수 로그 모니터링 보안 권한 사용자 그룹 시그널 종료 재시작 정책 헬스체크 엔트리포인트 명령어 계층 스냅샷 매니페스트 다이제스트 인증서 프록시 게이트웨이 서버 클라이언트 데몬 소켓 표준 인터페이스 플러그인 드라이버 스토리지 오버레이 복사 쓰기 읽기 전용 템플릿 인스턴스 생명주기 상태 일시정지 멀티스테이지 컴포즈 스웜 시크릿 설정 의존성 패키지 애플리케이션 운영체제 하드웨어 에뮬레이션'.split(' ');
const KO_WORDS = '무엇 차이 역할 장점 단점 특징 방법 이유 구조 동작 과정 관계 기본 주요 핵심 개념 정의 예시 비교 설명 사용 관리 실행 생성 삭제 변경 공유 분리 연결 저장 전달 확인 제공 지원 필요 가능 중요 빠르게 가볍게 안전하게 쉽게 항상 먼저 다음 여러 모든 각각 하나 별도 내부 외부'.split(' ');
const PARTICLES = ['', '', '', '은', '는', '이', '가', '을', '를', '의', '에', '에서', '와', '과', '로', '으로', '도'];
const EN = 'docker container image layer runtime runc containerd cri-o kubernetes pod volume network bridge port registry tag build cache dockerfile compose swarm secret config namespace cgroup kernel process overlay snapshot manifest digest proxy gateway server client daemon socket plugin driver storage template instance lifecycle health entrypoint cmd env log monitor security user group signal restart policy'.split(' ');

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const x = r();
    if (x < 0.3) out.push(EN[Math.floor(r() * EN.length)]!);
    else if (x < 0.65) out.push(KO_TERMS[Math.floor(r() * KO_TERMS.length)]! + PARTICLES[Math.floor(r() * PARTICLES.length)]!);
    else if (x < 0.95) out.push(KO_WORDS[Math.floor(r() * KO_WORDS.length)]! + PARTICLES[Math.floor(r() * PARTICLES.length)]!);
    else out.push(String(Math.floor(r() * 10000)));
  }
  return out.join(' ');
}

/** Decks of 1,000 cards: about 200 characters per card (front ~40, back ~160). */
function generate(total: number): LoadedDeck[] {
  // Seeded: the same decks on every run.
  const r = mulberry32(total);
  const decks: LoadedDeck[] = [];
  for (let d = 0; d * 1000 < total; d++) {
    const cards: Card[] = [];
    for (let i = 0; i < Math.min(1000, total - d * 1000); i++) {
      cards.push({ id: `g${d}-${i}`, type: 'basic', front: `${sentence(r, 5)}?`, back: `${sentence(r, 22)}.`, tags: [EN[Math.floor(r() * EN.length)]!] });
    }
    const deck = { id: `gen-${d}`, title: `생성된 덱 ${d}`, description: 'generated', language: 'ko', cards };
    decks.push({ deck, file: `gen-${d}.json`, origin: 'dir', contentHash: contentHash(JSON.stringify(deck)) });
  }
  return decks;
}

/** Every prefix a user's screen sees while typing the query (Korean composed syllable by syllable). */
function keystrokes(query: string): string[] {
  const jamo = [...disassemble(query)];
  const out: string[] = [];
  for (let i = 1; i <= jamo.length; i++) out.push(assemble(jamo.slice(0, i)));
  return [...new Set(out)];
}

const QUERIES = ['컨테이너 런타임', '레이어', 'ㄹㅇㅇ', 'ㅋㅌㅇㄴ ㄹㅌㅇ', 'dockerfile', 'ehzj', 'kubernetes', '멀티스테이지', '컨테이더', 'containred', '이미지 캐시', 'docker'];
const TYPED = QUERIES.flatMap(keystrokes);
const ROUNDS = 3;

const { table: aliases } = loadAliases({ ...process.env, AMGI_HOME: '/nonexistent-amgi-bench' });
const rows: (string | number)[][] = [];
const buildRows: (string | number)[][] = [];
for (const total of [1000, 10_000, 100_000]) {
  const decks = generate(total);
  const cacheDir = mkdtempSync(join(tmpdir(), 'amgi-search-bench-'));
  try {
    const runs = total >= 100_000 ? 1 : 3;
    const plain = median(timeFn(() => buildSearchIndex(decks, { aliases }), runs));
    const cold = median(
      timeFn(() => {
        rmSync(cacheDir, { recursive: true, force: true });
        buildSearchIndex(decks, { aliases, cache: fileDerivedCache(cacheDir) });
      }, runs),
    );
    let index = buildSearchIndex(decks, { aliases, cache: fileDerivedCache(cacheDir) });
    const warm = median(timeFn(() => (index = buildSearchIndex(decks, { aliases, cache: fileDerivedCache(cacheDir) })), runs));
    buildRows.push([total.toLocaleString('en'), fmt(plain), fmt(cold), fmt(warm), total === 10_000 ? (cold <= 300 ? '≤ 300 ok' : '≤ 300 MISSED') : '']);

    for (const q of TYPED.slice(0, 20)) index.search(q); // warm-up (JIT)
    // Three rounds of typing every query out; every single call counts in the percentiles.
    const perCall: Array<[number, string]> = [];
    for (let round = 0; round < ROUNDS; round++) for (const q of TYPED) perCall.push([timeFn(() => index.search(q), 1)[0]!, q]);
    const times = perCall.map(([t]) => t);
    if (process.env.SEARCH_BENCH_VERBOSE) {
      console.log(`${total} slowest:`, [...perCall].sort((a, b) => b[0] - a[0]).slice(0, 12).map(([t, q]) => `${q} ${t.toFixed(1)}`).join(' · '));
    }
    // Plain fuse.js: the whole cards, as the issue measured it (threshold 0.3, ignoreLocation, limit 20).
    const docs = decks.flatMap((d) => d.deck.cards.map((c) => ({ front: frontText(c), back: answerText(c), tags: c.tags ?? [] })));
    const fuse = new Fuse(docs, { keys: ['front', 'back', 'tags'], threshold: 0.3, ignoreLocation: true });
    const fuseQueries = total >= 100_000 ? QUERIES.slice(0, 3) : QUERIES;
    const fuseTimes = fuseQueries.map((q) => timeFn(() => fuse.search(q, { limit: 20 }), 1)[0]!);
    const p95 = percentile(times, 95);
    const target = total === 10_000 ? 16 : total === 100_000 ? 60 : undefined;
    rows.push([
      total.toLocaleString('en'),
      times.length,
      fmt(median(times)),
      fmt(p95),
      fmt(Math.max(...times)),
      fmt(median(fuseTimes)),
      `${(median(fuseTimes) / median(times)).toFixed(0)}×`,
      target ? `≤ ${target} ${p95 <= target ? 'ok' : 'MISSED'}` : '',
    ]);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
table(
  `Search per keystroke (${QUERIES.length} queries typed out key by key = ${TYPED.length} searches, ${ROUNDS} rounds, ms)`,
  ['cards', 'searches timed', 'amgi p50', 'amgi p95', 'amgi max', 'plain fuse.js median/query', 'fuse ÷ amgi (median)', 'target p95'],
  rows,
);
table('Index build (median, ms)', ['cards', 'no cache', 'cold (derive + write cache)', 'warm (from cache)', 'target'], buildRows);
