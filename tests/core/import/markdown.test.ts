import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from '../../../src/core/import/markdown.js';
import { cleanInline, splitBoldTerm, splitSpacedColon, toCloze } from '../../../src/core/import/inline.js';
import { classifyLines, stripComments } from '../../../src/core/import/mdLines.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
const fronts = (md: string) => parseMarkdown(md).cards.map((c) => c.front);

describe('Obsidian Spaced Repetition syntax', () => {
  const parsed = parseMarkdown(fixture('obsidian.md'));
  const byFront = new Map(parsed.cards.map((c) => [c.front, c]));

  test('single-line :: and ::: cards, in list items too', () => {
    expect(byFront.get('컨테이너 런타임')).toMatchObject({ type: 'basic', back: '컨테이너를 생성하고 실행하는 소프트웨어', line: 9 });
    expect(byFront.get('Dockerfile')).toMatchObject({ type: 'reversible', back: '이미지를 만드는 명령어를 적은 파일', line: 10 });
    expect(byFront.get('docker ps')).toMatchObject({ type: 'basic', back: '실행 중인 컨테이너 목록' });
  });

  test('multi-line ? and ?? cards keep their lines', () => {
    expect(byFront.get('Why are containers lighter than VMs?')).toMatchObject({ type: 'basic', back: 'They share the host kernel;\nno guest OS boots.', line: 15 });
    expect(byFront.get('What does -p 8080:80 do')).toMatchObject({ type: 'reversible', back: 'Publishes container port 80 on host port 8080' });
  });

  test('==highlight== and {{curly}} clozes become gaps', () => {
    expect(byFront.get('Images are {{read-only}} templates built from {{layers}}.')).toMatchObject({ type: 'cloze' });
  });

  test('SR comments, front matter and code blocks make no cards; tag lines tag the cards below', () => {
    expect(parsed.cards).toHaveLength(6);
    expect(parsed.cards.some((c) => /SR:|a::b|not a cloze|std/.test(c.front + ('back' in c ? c.back : '')))).toBe(false);
    expect(parsed.cards.every((c) => c.tags?.includes('flashcards/docker'))).toBe(true);
    expect(parsed.title).toBe('Docker flashcards');
  });

  test('front-matter tags tag every card, with the #tag lines (walkthrough F25)', () => {
    expect(parsed.cards.every((c) => c.tags?.includes('docker'))).toBe(true);
    const tagsOf = (front: string) => parseMarkdown(`${front}\nq::a\n`).cards[0]!.tags;
    expect(tagsOf('---\ntags: [docker, network]\n---')).toEqual(['docker', 'network']);
    expect(tagsOf('---\ntitle: x\ntags: docker, "network"\n---')).toEqual(['docker', 'network']);
    expect(tagsOf('---\ntags:\n  - docker\n  - \'#볼륨\'\naliases: [a]\n---')).toEqual(['docker', '볼륨']);
    expect(tagsOf('---\ntag: docker\n---\n#extra')).toEqual(['docker', 'extra']);
    // Other keys are not tags; without front matter there are none.
    expect(tagsOf('---\naliases: [a, b]\n---')).toBeUndefined();
    expect(tagsOf('tags: [x]')).toBeUndefined();
  });

  test('near misses are reported with their line', () => {
    expect(parsed.skipped).toEqual([{ line: 33, text: '::no question here', reason: '"::" needs text on both sides' }]);
    expect(parsed.ignoredLines).toEqual([32]);
  });

  test('a separator without a question or an answer is skipped, not a card', () => {
    const r = parseMarkdown('?\nanswer only\n\nquestion only\n??\n');
    expect(r.cards).toEqual([]);
    expect(r.skipped.map((s) => s.line)).toEqual([1, 5]);
  });
});

describe('study-note patterns', () => {
  const parsed = parseMarkdown(fixture('study-notes.md'));
  const byFront = new Map(parsed.cards.map((c) => [c.front, c]));

  test('bold terms with -, : and :** separators; nested items join the answer', () => {
    expect(byFront.get('Docker Daemon')).toMatchObject({ type: 'basic', back: '컨테이너와 이미지를 관리하는 백그라운드 프로세스', topic: '구성 요소', line: 5 });
    expect(byFront.get('Docker CLI')).toMatchObject({ back: 'docker 명령으로 데몬에 요청을 보내는 도구' });
    expect(byFront.get('Registry')).toMatchObject({ back: '이미지를 공유하는 저장소\n• Docker Hub가 기본값' });
  });

  test('a heading over 2–8 items makes a "list the items" card', () => {
    expect(byFront.get('도커 기초 › 이미지 레이어의 특징: 항목을 모두 말해 보세요')).toMatchObject({ back: '• 재활용에 유리\n• 중복 데이터 최소화\n• 빌드 속도 향상' });
    expect(byFront.get('도커 기초 › 구성 요소: 항목을 모두 말해 보세요')).toMatchObject({ back: '• Docker Daemon\n• Docker CLI\n• Registry' });
    expect(fronts('# Things\n\n- one\n- two\n')).toEqual(['Things: list the items']);
  });

  test('a list card is asked under its parent heading (walkthrough F25)', () => {
    // Bold labels (seed style) and headings; a label line under the heading it sits under.
    const md = '# 도커 볼륨\n\n**장점**\n- 백업이 쉽다\n- 공유가 쉽다\n\n**단점**\n- 호스트에 묶인다\n- 권한 문제\n\n# 네트워크\n\n종류:\n- bridge\n- host\n\n## 드라이버\n- overlay\n- macvlan\n';
    expect(fronts(md)).toEqual([
      '도커 볼륨 › 장점: 항목을 모두 말해 보세요',
      '도커 볼륨 › 단점: 항목을 모두 말해 보세요',
      '네트워크 › 종류: 항목을 모두 말해 보세요',
      '네트워크 › 드라이버: 항목을 모두 말해 보세요',
    ]);
    // A sibling heading is not a parent: "## B" under "# A" after "## A1".
    expect(fronts('# A\n## A1\nx::y\n## B\n- one\n- two\n')).toEqual(['x', 'A › B: list the items']);
  });

  test('too long lists and terms without a definition are reported', () => {
    expect(parsed.skipped.map((s) => [s.line, s.reason])).toEqual([
      [16, 'a list of 9 items (a "list the items" card takes 2–8)'],
      [29, 'bold term without a definition'],
    ]);
    expect(parsed.ignoredLines).toContain(28);
  });

  test('"term : definition" items and a bold item answered by its nested items', () => {
    const r = parseMarkdown('## Dockerfile\n- FROM {이미지} : 베이스 이미지 지정\n- 예: 이건 아님\n\n## 생성 과정\n- **도커 파일**\n    - 환경 설정을 적은 파일\n');
    expect(r.cards.map((c) => [c.front, 'back' in c ? c.back : ''])).toEqual([
      ['Dockerfile: 항목을 모두 말해 보세요', '• FROM {이미지}\n• 예: 이건 아님'],
      ['FROM {이미지}', '베이스 이미지 지정'],
      ['생성 과정 › 도커 파일', '• 환경 설정을 적은 파일'],
    ]);
  });

  test('the same term under two headings is asked with its heading', () => {
    expect(fronts('## A\n- **키워드**: x\n## B\n- **키워드**: y\n')).toEqual(['A › 키워드', 'B › 키워드']);
  });

  test('links, images, wiki links and citations are cleaned from card text', () => {
    expect(cleanInline('**[[커널]]** 과 [[a|별칭]], [문서](https://x.y) ![img](a.png) ![[b.png]] `code` [1], [2]')).toBe('커널 과 별칭, 문서 code');
  });
});

describe('inline helpers', () => {
  test('splitBoldTerm accepts the documented forms only', () => {
    expect(splitBoldTerm('**a** - b')).toEqual({ term: 'a', def: 'b' });
    expect(splitBoldTerm('**a**: b')).toEqual({ term: 'a', def: 'b' });
    expect(splitBoldTerm('**a:** b')).toEqual({ term: 'a', def: 'b' });
    expect(splitBoldTerm('**컨테이너**는 커널을 공유')).toBeUndefined();
    expect(splitSpacedColon('예: 문장')).toBeUndefined();
    expect(splitSpacedColon('http://x : y')).toEqual({ term: 'http://x', def: 'y' });
  });

  test('cloze marks must hug their text and are ignored in code', () => {
    expect(toCloze('a ==b== c {{d}}')).toBe('a {{b}} c {{d}}');
    expect(toCloze('x == y and z == w')).toBeUndefined();
    expect(toCloze('{{ .Values.image }}')).toBeUndefined();
    expect(toCloze('`==b==` text')).toBeUndefined();
    expect(toCloze('{{a{{b}}')).toBe('{{a{{b}}');
  });

  test('HTML comments are removed but line numbers kept', () => {
    expect(stripComments('a<!--SR:x\ny-->b\nc')).toBe('a\nb\nc');
    expect(classifyLines('---\ntitle: x\n---\n# H\n```\n# not heading\n```').map((l) => l.kind)).toEqual(['meta', 'meta', 'meta', 'heading', 'code', 'code', 'code']);
  });
});

describe('CommonMark block and inline structure (mdast-util-from-markdown)', () => {
  const backs = (md: string) => parseMarkdown(md).cards.map((c) => ('back' in c ? `${c.front} = ${c.back}` : c.front));

  test('a setext heading (Title over ===== or ---) is a heading, not a card front', () => {
    expect(fronts('Runtimes\n========\n\n- runc\n- crun\n')).toEqual(['Runtimes: list the items']);
    const r = parseMarkdown('Docker\n======\n\nVolumes\n-------\n\nbackup::easy\n');
    expect(r.title).toBe('Docker');
    expect(r.cards[0]).toMatchObject({ front: 'backup', topic: 'Volumes' });
    expect(r.ignoredLines).toEqual([]);
  });

  test('"::" inside a link target, an autolink or an HTML tag splits nothing', () => {
    expect(backs('See [docs](http://x/a::b) for more\n<http://a::b>\nx <a href="y::z">t</a>\n')).toEqual([]);
    // The link text and the text around it still can.
    expect(backs('[docs](http://x/a) :: the manual\n')).toEqual(['docs = the manual']);
  });

  test('raw HTML blocks make no cards', () => {
    expect(backs('<div>\nq::a\n</div>\n\nreal::card\n')).toEqual(['real = card']);
    expect(backs('<details>\n- one\n- two\n</details>\n')).toEqual([]);
  });

  test('indented code blocks make no cards, in a list item too', () => {
    expect(backs('Intro text.\n\n    cmd::arg\n    x == {{y}}\n\nreal::card\n')).toEqual(['real = card']);
    expect(backs('- item::one\n\n      code::block\n')).toEqual(['item = one']);
  });

  test('a file over the Markdown size limit is refused with one clear line', () => {
    expect(() => parseMarkdown('q::a\n'.repeat(430_000), 'big.md')).toThrow(/^big\.md: 2100 KB of Markdown; notes files are read up to 2048 KB/);
  });

  test('a thematic break is no label for the list under it', () => {
    expect(backs('para\n\n***\n- a\n- b\n')).toEqual([]);
  });
});
