/** The review screen over the real store: what is shown, and what is saved (answers, undo, suspend, bury). */
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Card, LoadedDeck } from '../../../../src/core/deck/types.js';
import { aliasKeys } from '../../../../src/core/quiz/typedAnswer.js';
import { KEYS, miniDecks, renderApp } from '../../render.js';
import { openRealStore, realServices } from '../../realStore.js';
import { displayWidth } from '../../../../src/core/text/width.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');

describe('review', () => {
  test('reveal, grade with the intervals shown, the answer saved before the next card', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    expect(app.frame()).toContain('Space/Enter: show answer');
    // What is left, Anki-style: new · learning · due (issue 14), no growing denominator. 7 of
    // the 8 items: a reversible card's other side waits for another day (siblings are buried).
    expect(app.frame()).toContain('new 7 · learn 0 · due 0');
    await app.press(' ');
    // The real scheduler's intervals for a new card (fuzz off).
    await app.waitFor('1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d');
    expect(app.frame()).toContain('이미지를 이루는 읽기 전용 층');
    await app.press('2');
    await app.waitFor('컨테이너 런타임');
    expect(services.answers()).toEqual([expect.objectContaining({ key: 'mini-layer', grade: 2, kind: 'review' })]);
    // Hard: the card is learning now, back in a few minutes.
    expect(app.frame()).toContain('new 6 · learn 1 · due 0');
    // Space on the answer = Good.
    await app.press(' ', ' ');
    expect(services.answers()[1]).toMatchObject({ key: 'mini-runtime', grade: 3 });
  });

  test('type-in cards: typed with the judge, Space/Enter takes the judged grade, Space on an empty field still reveals', async () => {
    const cards: Card[] = [
      { id: 'df-publish', type: 'typed', front: '컨테이너 8080을 호스트 80으로 공개하는 옵션은?', answer: '-p 80:8080' },
      { id: 'ns', type: 'typed', front: 'PID를 격리하는 커널 기능은?', answer: 'PID namespace' },
      { id: 'cz', type: 'cloze', front: '이미지는 {{읽기 전용}} 템플릿이다' },
    ];
    const decks: LoadedDeck[] = [{ deck: { id: 'ti', title: 'ti', description: '', language: 'ko', cards }, file: 'ti.json', origin: 'dir', contentHash: 'ti' }];
    const services = { ...realServices(decks), answerAliases: () => aliasKeys([['네임스페이스', 'namespace']]) };
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'ti' }] });
    await app.waitFor('공개하는 옵션은?');
    expect(app.frame()).toContain('empty Space: show answer');
    // The reversed mapping: wrong, Again suggested.
    await app.press('-p 8080:80', KEYS.enter);
    await app.waitFor('✗ Not quite.');
    expect(app.frame()).toContain('Space/Enter: Again (judged)');
    await app.press(' ');
    await app.waitFor('PID를 격리하는');
    expect(services.answers()[0]).toMatchObject({ key: 'df-publish', grade: 1 });
    // Korean for an English term: right, Good.
    await app.press('PID 네임스페이스', KEYS.enter);
    await app.waitFor('✓ Right!');
    await app.press(KEYS.enter);
    await app.waitFor('[...]');
    expect(services.answers()[1]).toMatchObject({ key: 'ns', grade: 3 });
    // Space on an empty field reveals; grading is the learner's as always.
    await app.press(' ');
    await app.waitFor('1 Again');
    expect(app.frame()).not.toContain('(judged)');
    await app.press('4');
    expect(services.answers()[2]).toMatchObject({ key: 'cz', grade: 4 });
  });

  test('type-in cards: the footer names the way out and undo; letters are the answer until it shows, then u/s/b/q act', async () => {
    const cards: Card[] = [
      { id: 'stop', type: 'typed', front: '실행 중인 컨테이너를 멈추는 docker 하위 명령은?', answer: 'stop' },
      { id: 'user', type: 'typed', front: 'Dockerfile에서 실행 사용자를 바꾸는 지시어는?', answer: 'USER' },
      { id: 'bridge', type: 'typed', front: '기본 네트워크 드라이버는?', answer: 'bridge' },
    ];
    const decks: LoadedDeck[] = [{ deck: { id: 'ti', title: 'ti', description: '', language: 'ko', cards }, file: 'ti.json', origin: 'dir', contentHash: 'ti' }];
    const services = realServices(decks);
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'ti' }] });
    await app.waitFor('멈추는');
    expect(app.frame()).toContain('Enter check · empty Space: show answer (then u undo) · Esc back');
    // An answer that starts with s (suspend): typed, not a suspend.
    await app.press('stop', KEYS.enter);
    await app.waitFor('✓ Right!');
    await app.press(' ');
    await app.waitFor('지시어는?');
    // `?` on the empty field: the help (no answer starts with it).
    await app.press('?');
    await app.waitFor('Keys');
    await app.press(' ');
    await app.waitFor('지시어는?');
    // u types (USER), it does not undo.
    await app.press('u');
    expect(app.frame()).toContain('> u');
    expect(services.answers()).toHaveLength(1);
    await app.press(KEYS.backspace, ' ');
    await app.waitFor('1 Again');
    // Once the answer shows, the usual keys: u undoes the last answer (stop comes back).
    expect(app.frame()).toContain('u undo');
    await app.press('u');
    await app.waitFor('Undone');
    await app.waitFor('멈추는');
  });

  test('type-in: Enter on an empty field checks nothing and says so; a second Enter grades nothing', async () => {
    const cards: Card[] = [{ id: 'stop', type: 'typed', front: '멈추는 명령은?', answer: 'stop' }];
    const decks: LoadedDeck[] = [{ deck: { id: 'ti', title: 'ti', description: '', language: 'ko', cards }, file: 'ti.json', origin: 'dir', contentHash: 'ti' }];
    for (const [lang, hint] of [['en', 'Nothing typed, nothing checked'], ['ko', '빈 답은 확인하지 않습니다']] as const) {
      const services = realServices(decks);
      const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'ti' }], lang });
      await app.waitFor('멈추는');
      await app.press(KEYS.enter);
      await app.waitFor(hint);
      await app.press(KEYS.enter);
      await app.waitFor(hint);
      expect(app.frame()).not.toContain(lang === 'en' ? '1 Again' : '1 다시');
      expect(services.answers()).toHaveLength(0);
      app.unmount();
    }
  });

  test('type-in footer at 40 columns, both languages: the short hint whole, saying that letters type', async () => {
    const cards: Card[] = [{ id: 'stop', type: 'typed', front: '멈추는 명령은?', answer: 'stop' }];
    const decks: LoadedDeck[] = [{ deck: { id: 'ti', title: 'ti', description: '', language: 'ko', cards }, file: 'ti.json', origin: 'dir', contentHash: 'ti' }];
    for (const [lang, hint] of [['en', 'Type, Enter · Space: answer · Esc back'], ['ko', '입력 후 Enter · Space: 정답 · Esc 나가기']] as const) {
      const app = renderApp(realServices(decks), { initial: [{ kind: 'review', deckId: 'ti' }], columns: 40, rows: 12, lang });
      await app.waitFor(hint);
      expect(app.frame().split('\n').at(-1)).toBe(hint);
      expect(displayWidth(hint)).toBeLessThanOrEqual(40);
      // What it says: s (suspend on a card without a field) goes into the answer.
      await app.press('s');
      await app.waitFor(/> s\b/);
      app.unmount();
    }
  });

  test('type-in off: a typed card reveals with Space as before', async () => {
    const app = renderApp(realServices(miniDecks(), { settings: { typeAnswers: false } }), { initial: [{ kind: 'review', deckId: 'mini' }] });
    for (let i = 0; i < 8; i++) {
      await app.waitFor('show answer');
      expect(app.frame()).not.toContain('Enter check');
      await app.press(' ', '3');
    }
  });

  test('the source line names the study note, not its file', async () => {
    const services = { ...realServices(miniDecks()), seedTitle: (seed: string) => (seed === 'docker-basics' ? '도커 기초 노트' : seed) };
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    await app.press(' ');
    await app.waitFor('Source: 도커 기초 노트 § 이미지');
    expect(app.frame()).not.toContain('docker-basics');
  });

  test('at 40 columns the undo notice keeps its verb, in Korean and English: the card title is cut, not the sentence; it says what was undone (an answer, a suspend, a bury)', async () => {
    const cards: Card[] = [{ id: 'long-q', type: 'basic', front: 'ubuntu 이미지로 만든 컨테이너에서 파일을 바꾸면 이미지도 바뀌나?', back: '아니다' }];
    const decks: LoadedDeck[] = [{ deck: { id: 'long', title: '긴 질문', description: '', language: 'ko', cards }, file: 'long.json', origin: 'dir', contentHash: 'long' }];
    const app = renderApp(realServices(decks), { initial: [{ kind: 'review', deckId: 'long' }], lang: 'ko', rows: 12, columns: 40 });
    await app.waitFor('ubuntu');
    await app.press(' ', '3');
    await app.press('u');
    await app.waitFor('답하세요.');
    expect(app.frame()).toMatch(/“ubuntu[^”]*…” 답을 되돌렸으니 다시 답하세요\./);
    // An undone suspend or bury says so (the card is back), not that an answer was undone.
    await app.press('s');
    await app.waitFor('보류했습니다.');
    await app.press('u');
    await app.waitFor('보류를 풀었습니다.');
    expect(app.frame()).toMatch(/“ubuntu[^”]*…” 보류를 풀었습니다\./);
    expect(app.frame()).not.toContain('답을 되돌렸으니');
    await app.press('b');
    await app.waitFor('내일까지 숨김.');
    await app.press('u');
    await app.waitFor('숨김을 풀었습니다.');
    expect(app.frame()).toMatch(/“ubuntu[^”]*…” 숨김을 풀었습니다\./);
    app.unmount();
    // English too: the sentence is whole, the title cut.
    const en = renderApp(realServices(decks), { initial: [{ kind: 'review', deckId: 'long' }], lang: 'en', rows: 12, columns: 40 });
    await en.waitFor('ubuntu');
    await en.press(' ', '3');
    await en.press('u');
    await en.waitFor('Answer it again.');
    expect(en.frame()).toMatch(/Undone: “ubuntu[^”]*…”\. Answer it again\./);
    await en.press('s');
    await en.waitFor('Suspended.');
    await en.press('u');
    await en.waitFor('is back.');
    expect(en.frame()).toMatch(/Unsuspended: “ubuntu[^”]*…” is back\./);
    expect(en.frame()).not.toContain('Answer it again');
    await en.press('b');
    await en.waitFor('Buried until tomorrow.');
    await en.press('u');
    await en.waitFor('Unburied');
    expect(en.frame()).toMatch(/Unburied: “ubuntu[^”]*…” is back\./);
    // Every row fits: the title is cut to leave room for the longest of these sentences.
    for (const l of en.frame().split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });

  test('u undoes, s suspends, b buries — also with the Korean IME on (ㅕ ㄴ ㅠ)', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    await app.press(' ', '3');
    await app.waitFor('컨테이너 런타임');
    await app.press('ㅕ');
    await app.waitFor('Undone: “레이어란?”. Answer it again.');
    expect(app.frame()).toContain('레이어란?');
    expect(services.answers()).toHaveLength(0);
    await app.press('ㄴ');
    await app.waitFor('Suspended');
    expect(services.card('mini-layer').suspended).toBe(true);
    await app.press('b');
    await app.waitFor('Buried until tomorrow.');
    expect(services.card('mini-runtime').buried).toBe(true);
  });

  test('the suspend notice keeps `amgi unsuspend <id>` whole on screen, at 80 and 40 columns, in both languages', async () => {
    // The longest id in the bundled decks (27 characters), then a usual one.
    const long = 'img-notes-dockerfile-broken';
    const cards: Card[] = [
      { id: long, type: 'basic', front: '망가진 Dockerfile 메모는?', back: '고친다' },
      { id: 'dn-docker0', type: 'basic', front: '기본 브리지 이름은?', back: 'docker0' },
      { id: 'third', type: 'basic', front: '세 번째 카드', back: '셋' },
    ];
    const decks: LoadedDeck[] = [{ deck: { id: 'sus', title: '보류 시험', description: '', language: 'ko', cards }, file: 'sus.json', origin: 'dir', contentHash: 'sus' }];
    for (const lang of ['en', 'ko'] as const) {
      for (const [columns, rows] of [[80, 24], [40, 12]] as const) {
        const app = renderApp(realServices(decks), { initial: [{ kind: 'review', deckId: 'sus' }], lang, columns, rows });
        const check = (id: string, oneRow: boolean, browser: boolean) => {
          const screen = lines(app.frame());
          const where = `${lang} ${columns}×${rows}:\n${app.frame()}`;
          // "u now", and the command that brings it back later: the id never cut.
          expect(screen.some((l) => l.includes(lang === 'en' ? 'Suspended. Now: u brings it back.' : '보류했습니다. u를 누르면 되돌립니다.')), where).toBe(true);
          expect(screen.join(' '), where).toContain(`amgi unsuspend ${id}`);
          expect(screen.some((l) => (oneRow ? l.includes(`amgi unsuspend ${id}`) : l.includes(id))), where).toBe(true);
          // Where the row has room, the card browser's way too; never cut short with "…".
          if (browser) expect(app.frame(), where).toContain(lang === 'en' ? 'Home → Cards → Enter → s' : '홈 → 카드 관리 → Enter → s');
          expect(screen.slice(1).join('\n'), where).not.toContain('…');
          for (const l of screen) expect(displayWidth(l), where).toBeLessThanOrEqual(columns);
          expect(screen.at(-1), where).toContain(lang === 'en' ? 'q back' : 'q 뒤로');
        };
        await app.waitFor('메모는?');
        await app.press('s');
        await app.waitFor('브리지 이름은?');
        // At 40 columns "amgi unsuspend" and a 27-character id cannot share a row: the id wraps whole.
        // At 80 the Korean sentence with it is 85 wide: the command is kept, the card browser's way dropped.
        check(long, columns === 80, columns === 80 && lang === 'en');
        await app.press('s');
        await app.waitFor('세 번째 카드');
        check('dn-docker0', true, columns === 80);
        app.unmount();
      }
    }
  });

  test('the bury notice says u brings the card back, as the suspend one does: whole at 80 and 40 columns, both languages', async () => {
    for (const lang of ['en', 'ko'] as const) {
      for (const [columns, rows] of [[80, 24], [40, 12]] as const) {
        const app = renderApp(realServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }], lang, columns, rows });
        await app.waitFor('레이어란?');
        await app.press('b');
        const notice = lang === 'en' ? 'Buried until tomorrow. u brings it back.' : '내일까지 숨김. u를 누르면 되돌립니다.';
        await app.waitFor(notice);
        for (const l of lines(app.frame())) expect(displayWidth(l), `${lang} ${columns}`).toBeLessThanOrEqual(columns);
        app.unmount();
      }
    }
  });

  test('a leech notice keeps `amgi unsuspend <id>` whole too (40 columns, Korean)', async () => {
    let now = Date.parse('2025-03-01T09:00:00Z');
    const store = openRealStore(miniDecks(), () => new Date(now));
    try {
      store.progress.saveSettings({ leechThreshold: 1 });
      // Easy: a new card goes straight to review; a month on it is due, and Again is its first lapse.
      store.progress.startCram({ keys: ['mini-layer'], reschedule: true }).answer(4, 1000);
      now += 30 * 86_400_000;
      const app = renderApp(store.services, { initial: [{ kind: 'review', deckId: 'mini' }], lang: 'ko', columns: 40, rows: 12 });
      await app.waitFor('레이어란?');
      await app.press(' ', '1');
      await app.waitFor('거머리');
      const screen = lines(app.frame());
      expect(screen.some((l) => l.includes('amgi unsuspend mini-layer')), app.frame()).toBe(true);
      expect(app.frame()).toContain('자꾸 틀리는 카드(거머리)라 보류했습니다.');
      expect(store.progress.cardInfos().find((c) => c.key === 'mini-layer')?.suspended).toBe(true);
    } finally {
      store.close();
    }
  });

  test('every card type renders sensibly', async () => {
    const services = realServices(miniDecks());
    // The reverse side is shown only when the front is not studied the same day.
    services.progress.setFlag('mini-runtime', 'suspend');
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      await app.waitFor('show answer');
      await app.press(' ');
      await app.waitFor('1 Again');
      seen.push(app.frame());
      // Easy: graduated, so no card comes back as learning and the session ends.
      await app.press('4');
    }
    const all = seen.join('\n');
    expect(all).toContain('이미지는 [...] 템플릿이다'); // cloze front
    expect(all).toContain('이미지는 읽기 전용 템플릿이다'); // cloze filled
    expect(all).toContain('(reverse)');
    expect(all).toContain('✓ runc'); // a choice card: its options, the right one marked
    expect(all).toContain('docker.io');
    expect(all).toMatch(/1\. docker CLI\s+2\. dockerd\s+3\. containerd\s+4\. runc/);
    expect(all).toContain('• VM은 게스트 OS 포함');
    await app.waitFor('Session done');
    expect(app.frame()).toMatch(/7 answers · 100% correct/);
    // The earliest of the seven graduated cards, as the real scheduler spread them (fuzz off).
    expect(app.frame()).toContain('Next review due in 6d.');
  });

  test('a long card scrolls with j/k and PgDn', async () => {
    const decks = miniDecks();
    const card = decks[1]!.deck.cards[0]!;
    (card as { back: string }).back = Array.from({ length: 40 }, (_, i) => `줄 ${i + 1}`).join('\n');
    const app = renderApp(realServices(decks), { initial: [{ kind: 'review', deckId: 'net' }], rows: 12, columns: 40 });
    await app.waitFor('show answer');
    await app.press(' ');
    await app.waitFor('more');
    expect(app.frame()).not.toContain('줄 10');
    await app.press(KEYS.pageDown, 'j', 'ㅓ');
    expect(app.frame()).toContain('줄 10');
    await app.press('k');
    expect(lines(app.frame()).length).toBeLessThanOrEqual(11);
  });

  test('at 40×12 the reveal scrolls a long question up so the answer shows (review and cram)', async () => {
    const front = Array.from({ length: 12 }, (_, i) => `질문 ${i + 1}줄`).join('\n');
    const cards: Card[] = [
      { id: 'long-front', type: 'basic', front, back: '답의 첫 줄\n답의 둘째 줄', note: Array.from({ length: 6 }, (_, i) => `메모 ${i + 1}`).join('\n') },
      { id: 'long-choice', type: 'choice', front, answer: '맞는 보기', distractors: ['틀린 보기 1', '틀린 보기 2', '틀린 보기 3'] },
      { id: 'long-both', type: 'basic', front, back: Array.from({ length: 20 }, (_, i) => `긴 답 ${i + 1}`).join('\n') },
    ];
    const decks: LoadedDeck[] = [{ deck: { id: 'lq', title: '긴 질문', description: '', language: 'ko', cards }, file: 'lq.json', origin: 'dir', contentHash: 'lq' }];
    for (const initial of [{ kind: 'review', deckId: 'lq' }, { kind: 'cram', options: { deckId: 'lq' } }] as const) {
      const app = renderApp(realServices(decks), { initial: [initial], lang: 'ko', rows: 12, columns: 40 });
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        await app.waitFor('질문 1줄');
        await app.press(' ');
        await app.waitFor('1 다시');
        const frame = app.frame();
        if (frame.includes('답의 첫 줄')) {
          // The whole answer fits: it all shows, the question's end above it, the note below ↓.
          expect(frame).toContain('답의 둘째 줄');
          expect(frame).toMatch(/↑ \d+줄 더/);
          expect(frame).toContain('↓');
          seen.add('basic');
        } else if (frame.includes('✓ 맞는 보기')) {
          expect(frame).toContain('틀린 보기');
          seen.add('choice');
        } else {
          // Taller than the window: from its label.
          expect(frame).toMatch(/↑ \d+줄 더\n정답\n긴 답 1\n/);
          seen.add('long');
        }
        expect(lines(frame).length).toBeLessThanOrEqual(11);
        await app.press('4');
      }
      expect([...seen].sort()).toEqual(['basic', 'choice', 'long']);
      app.unmount();
    }
  });

  test('nothing due: says so and when the next card is due', async () => {
    const services = realServices(miniDecks());
    for (const i of services.progress.items()) services.progress.setFlag(i.key, 'suspend');
    const app = renderApp(services, { initial: [{ kind: 'review' }] });
    await app.waitFor('Nothing due right now.');
    expect(app.frame()).toContain('No cards scheduled.');
    // Nothing of this session's to undo: `u` is not offered.
    expect(app.frame()).toMatch(/^q: back\s*$/m);
    expect(app.frame()).not.toContain('u: undo');
  });

  test('done after answering: the footer offers u, which undoes that answer', async () => {
    const services = realServices(miniDecks());
    const [, ...rest] = services.progress.items();
    for (const i of rest) services.progress.setFlag(i.key, 'suspend');
    const app = renderApp(services, { initial: [{ kind: 'review' }] });
    await app.waitFor(/Space/);
    await app.press(' ', '4');
    await app.waitFor('u: undo the last answer');
    await app.press('u');
    await app.waitFor(/Undid|undid|undone/i);
  });

  test('cram runs the same screen over startCram, without suspend / bury', async () => {
    const services = realServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'cram', options: { deckId: 'mini' } }] });
    await app.waitFor('Cram');
    await app.press(' ', '1', 's');
    expect(services.answers()[0]).toMatchObject({ kind: 'cram', grade: 1 });
    expect(services.progress.cardInfos().filter((c) => c.suspended)).toEqual([]);
  });
});
