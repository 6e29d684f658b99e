import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildSearchIndex } from '../../../../src/core/search/index.js';
import { displayWidth } from '../../../../src/core/text/width.js';
import { FakeProgress, fakeServices } from '../../fakes.js';
import type { Card, LoadedDeck } from '../../../../src/core/deck/types.js';
import { aliasKeys } from '../../../../src/core/quiz/typedAnswer.js';
import { KEYS, miniDecks, renderApp } from '../../render.js';

afterEach(() => cleanup());

const lines = (frame: string) => frame.split('\n');

describe('home', () => {
  test('first run: what amgi is, the decks with counts, the menu', async () => {
    const app = renderApp(fakeServices(miniDecks()));
    await app.waitFor('Quit');
    const f = app.frame();
    expect(f).toContain('Docker flashcards with spaced repetition');
    expect(f).toMatch(/미니 덱\s+8\s+0\s+0/);
    expect(f).toMatch(/Network\s+1\s+0\s+0/);
    expect(f).toContain('All decks');
    expect(f).toContain('streak 0 days');
    for (const item of ['Review', 'Cram', 'Quiz', 'Search', 'Stats', 'Settings', 'Help', 'Quit']) expect(f).toContain(item);
  });

  test('broken deck files are a dismissible notice, not a crash', async () => {
    const decks = miniDecks();
    const app = renderApp(fakeServices(decks, new FakeProgress(decks), ['bad.json:3:5: "front" is missing']));
    await app.waitFor('1 deck file has problems');
    expect(app.frame()).toContain('bad.json:3:5');
    await app.press('x');
    expect(app.frame()).not.toContain('bad.json');
  });

  test('q on Home quits; so does Ctrl+C', async () => {
    const services = fakeServices(miniDecks());
    const a = renderApp(services);
    await a.waitFor('Quit');
    await a.press('q');
    expect(a.frame()).toContain('Quit'); // the last frame stays; the app has exited
    const b = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'settings' }] });
    await b.waitFor('Settings');
    await b.press(KEYS.ctrlC);
    await b.press('j');
    // After Ctrl+C no key is handled any more.
    expect(b.frame()).toContain('› New/day, all decks');
  });
});

describe('review', () => {
  test('reveal, grade with the intervals shown, the answer saved before the next card', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    expect(app.frame()).toContain('Space/Enter: show answer');
    // What is left, Anki-style: new · learning · due (issue 14), no growing denominator.
    expect(app.frame()).toContain('new 8 · learn 0 · due 0');
    await app.press(' ');
    await app.waitFor('1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 9d');
    expect(app.frame()).toContain('이미지를 이루는 읽기 전용 층');
    await app.press('2');
    await app.waitFor('컨테이너 런타임');
    expect(services.progress.log).toEqual([expect.objectContaining({ key: 'mini-layer', grade: 2, kind: 'review' })]);
    expect(app.frame()).toContain('new 7 · learn 0 · due 0');
    // Space on the answer = Good.
    await app.press(' ', ' ');
    expect(services.progress.log[1]).toMatchObject({ key: 'mini-runtime', grade: 3 });
  });

  test('type-in cards: typed with the judge, Space/Enter takes the judged grade, Space on an empty field still reveals', async () => {
    const cards: Card[] = [
      { id: 'df-publish', type: 'typed', front: '컨테이너 8080을 호스트 80으로 공개하는 옵션은?', answer: '-p 80:8080' },
      { id: 'ns', type: 'typed', front: 'PID를 격리하는 커널 기능은?', answer: 'PID namespace' },
      { id: 'cz', type: 'cloze', front: '이미지는 {{읽기 전용}} 템플릿이다' },
    ];
    const decks: LoadedDeck[] = [{ deck: { id: 'ti', title: 'ti', description: '', language: 'ko', cards }, file: 'ti.json', origin: 'dir', contentHash: 'ti' }];
    const services = { ...fakeServices(decks), answerAliases: () => aliasKeys([['네임스페이스', 'namespace']]) };
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'ti' }] });
    await app.waitFor('공개하는 옵션은?');
    expect(app.frame()).toContain('empty Space: show answer');
    // The reversed mapping: wrong, Again suggested.
    await app.press('-p 8080:80', KEYS.enter);
    await app.waitFor('✗ Not quite.');
    expect(app.frame()).toContain('Space/Enter: Again (judged)');
    await app.press(' ');
    await app.waitFor('PID를 격리하는');
    expect(services.progress.log[0]).toMatchObject({ key: 'df-publish', grade: 1 });
    // Korean for an English term: right, Good.
    await app.press('PID 네임스페이스', KEYS.enter);
    await app.waitFor('✓ Right!');
    await app.press(KEYS.enter);
    await app.waitFor('[...]');
    expect(services.progress.log[1]).toMatchObject({ key: 'ns', grade: 3 });
    // Space on an empty field reveals; grading is the learner's as always.
    await app.press(' ');
    await app.waitFor('1 Again');
    expect(app.frame()).not.toContain('(judged)');
    await app.press('4');
    expect(services.progress.log[2]).toMatchObject({ key: 'cz', grade: 4 });
  });

  test('type-in off: a typed card reveals with Space as before', async () => {
    const decks = miniDecks();
    const progress = new FakeProgress(decks);
    progress.settings = { ...progress.settings, typeAnswers: false };
    const app = renderApp(fakeServices(decks, progress), { initial: [{ kind: 'review', deckId: 'mini' }] });
    for (let i = 0; i < 8; i++) {
      await app.waitFor('show answer');
      expect(app.frame()).not.toContain('Enter check');
      await app.press(' ', '3');
    }
  });

  test('the source line names the study note, not its file', async () => {
    const services = { ...fakeServices(miniDecks()), seedTitle: (seed: string) => (seed === 'docker-basics' ? '도커 기초 노트' : seed) };
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    await app.press(' ');
    await app.waitFor('Source: 도커 기초 노트 § 이미지');
    expect(app.frame()).not.toContain('docker-basics');
  });

  test('u undoes, s suspends, b buries — also with the Korean IME on (ㅕ ㄴ ㅠ)', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    await app.press(' ', '3');
    await app.waitFor('컨테이너 런타임');
    await app.press('ㅕ');
    await app.waitFor('Undid the answer to “레이어란?”');
    expect(app.frame()).toContain('레이어란?');
    expect(services.progress.log).toHaveLength(0);
    await app.press('ㄴ');
    await app.waitFor('Suspended');
    expect(services.progress.suspended.has('mini-layer')).toBe(true);
    await app.press('b');
    await app.waitFor('Buried until tomorrow.');
    expect(services.progress.buried.has('mini-runtime')).toBe(true);
  });

  test('every card type renders sensibly', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await app.waitFor('show answer');
      await app.press(' ');
      await app.waitFor('1 Again');
      seen.push(app.frame());
      await app.press('3');
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
    expect(app.frame()).toMatch(/8 answers · 100% correct/);
    expect(app.frame()).toContain('Next review due in 10m.');
  });

  test('a long card scrolls with j/k and PgDn', async () => {
    const decks = miniDecks();
    const card = decks[1]!.deck.cards[0]!;
    (card as { back: string }).back = Array.from({ length: 40 }, (_, i) => `줄 ${i + 1}`).join('\n');
    const app = renderApp(fakeServices(decks), { initial: [{ kind: 'review', deckId: 'net' }], rows: 12, columns: 40 });
    await app.waitFor('show answer');
    await app.press(' ');
    await app.waitFor('more');
    expect(app.frame()).not.toContain('줄 10');
    await app.press(KEYS.pageDown, 'j', 'ㅓ');
    expect(app.frame()).toContain('줄 10');
    await app.press('k');
    expect(lines(app.frame()).length).toBeLessThanOrEqual(11);
  });

  test('nothing due: says so and when the next card is due', async () => {
    const decks = miniDecks();
    const progress = new FakeProgress(decks);
    for (const i of progress.items()) progress.seen.add(i.key);
    const app = renderApp(fakeServices(decks, progress), { initial: [{ kind: 'review' }] });
    await app.waitFor('Nothing due right now.');
    expect(app.frame()).toContain('No cards scheduled.');
  });

  test('cram runs the same screen over startCram, without suspend / bury', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'cram', options: { deckId: 'mini' } }] });
    await app.waitFor('Cram');
    await app.press(' ', '1', 's');
    expect(services.progress.log[0]).toMatchObject({ kind: 'cram', grade: 1 });
    expect(services.progress.suspended.size).toBe(0);
  });
});

describe('stack', () => {
  test('a search from a review and back: the review is where it was', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('레이어란?');
    await app.press(' ', '3', ' ');
    await app.waitFor('new 7 ·');
    await app.press('/');
    await app.waitFor('type a word');
    await app.press(KEYS.esc);
    await app.waitFor('1 Again');
    expect(app.frame()).toContain('컨테이너 런타임');
    expect(app.frame()).toContain('new 7 ·');
  });

  test('back on Home after a review, the counts have moved', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services);
    await app.waitFor('Quit');
    await app.press(KEYS.tab, KEYS.enter);
    await app.waitFor('레이어란?');
    await app.press(' ', '3', 'q');
    await app.waitFor('Quit');
    expect(app.frame()).toMatch(/미니 덱\s+7\s+0\s+0/);
    expect(app.frame()).toContain('1 done today');
  });
});

describe('search', () => {
  const withRealSearch = () => {
    const decks = miniDecks();
    return { ...fakeServices(decks), loadSearch: async () => buildSearchIndex(decks) };
  };

  test('type as you go in Korean, 초성 too; Enter opens the card with its source; Esc back', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }, { kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('레이어');
    await app.waitFor('레이어란?');
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await app.press('ㄹㅇㅇ');
    await app.waitFor('레이어란?');
    await app.press(KEYS.enter);
    await app.waitFor('Card · mini-layer');
    expect(app.frame()).toContain('이미지를 이루는 읽기 전용 층');
    expect(app.frame()).toContain('Deck: 미니 덱');
    await app.press(KEYS.esc);
    await app.waitFor('› ㄹㅇㅇ');
    await app.press(KEYS.esc);
    await app.waitFor('Quit');
  });

  test('letters are text in the box: q types, it does not go back', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }, { kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('q', 'ㅂ');
    expect(app.frame()).toContain('› qㅂ');
  });

  test('the header counts every match, not the 100 the list holds', async () => {
    const [mini] = miniDecks();
    const cards: Card[] = Array.from({ length: 130 }, (_, i) => ({ id: `n${i}`, type: 'basic', front: `네임스페이스 질문 ${i}`, back: '-' }));
    const decks: LoadedDeck[] = [{ ...mini!, deck: { ...mini!.deck, cards } }];
    const app = renderApp({ ...fakeServices(decks), loadSearch: async () => buildSearchIndex(decks) }, { initial: [{ kind: 'search', query: '네임스페이스' }] });
    await app.waitFor('130 matches');
  });

  test('# alone lists the tags with counts and deck: the decks; Enter fills the query and searches', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('#');
    await app.waitFor('#image  1 card');
    expect(app.frame()).not.toContain('No matches');
    await app.press(KEYS.enter);
    await app.waitFor('› #image\n');
    await app.waitFor('레이어란?');
    await app.press('deck:');
    await app.waitFor('deck:net  Network · 1 card');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('› #image deck:net\n');
    await app.waitFor('No matches');
  });

  test('the help lists Esc for back, not q, which types in the box', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }, { kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('?');
    await app.waitFor('Keys');
    const back = lines(app.frame()).find((l) => /\bback\b/i.test(l) && l.includes('Esc'));
    expect(back).toBeDefined();
    expect(back).not.toContain('Esc/q');
  });

  test('text sent in the same chunk as / lands in the search box (walkthrough D18)', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'home' }] });
    await app.waitFor('Quit');
    app.stdin.write('/레이어');
    await app.waitFor('› 레이어');
    await app.waitFor('레이어란?');
  });

  test('keys right after Ctrl+U go into the emptied box, not after the old text (walkthrough D18)', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search' }] });
    await app.waitFor('type a word');
    await app.press('#');
    await app.waitFor('› #');
    app.stdin.write('\u0015deck:');
    await app.waitFor('› deck:');
    app.stdin.write('\u0015');
    app.stdin.write('ㄹㅇㅇ');
    await app.waitFor('› ㄹㅇㅇ\n');
  });

  test('↓ moves the highlight; a far match is scrolled into view', async () => {
    const app = renderApp(withRealSearch(), { initial: [{ kind: 'search', query: '런타임' }], columns: 40, rows: 12 });
    await app.waitFor(/matches?/);
    const before = app.frame();
    await app.press(KEYS.down);
    expect(app.frame()).not.toBe(before);
    for (const l of lines(app.frame())) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });
});

describe('help, settings, sizes, language', () => {
  test('? shows every key of the current screen; any key closes it and the review is where it was', async () => {
    const app = renderApp(fakeServices(miniDecks()), { initial: [{ kind: 'review', deckId: 'mini' }] });
    await app.waitFor('show answer');
    await app.press(' ', '?');
    await app.waitFor('Keys');
    const f = app.frame();
    for (const k of ['Space/Enter', 'u ', 's ', 'b ', '1 ', '4 ', 'PgDn', 'Esc/q', 'Ctrl+C']) expect(f).toContain(k);
    await app.press('z');
    await app.waitFor('1 Again');
  });

  test('settings are saved through the store; the language switches at once', async () => {
    const services = fakeServices(miniDecks());
    const app = renderApp(services, { initial: [{ kind: 'home' }, { kind: 'settings' }], lang: undefined });
    await app.waitFor('New/day, all decks');
    // The line under the list says what the highlighted setting does.
    expect(app.frame()).toContain('all decks together');
    await app.press(KEYS.right);
    expect(services.progress.settings.newPerDayAll).toBe(21);
    // By 10 with Shift (issue 14), and by 10 with L / H for terminals that drop Shift.
    await app.press('\u001b[1;2C');
    expect(services.progress.settings.newPerDayAll).toBe(31);
    await app.press('H');
    expect(services.progress.settings.newPerDayAll).toBe(21);
    await app.press('j', 'j');
    await app.waitFor('from any one deck');
    await app.press('j', 'j', KEYS.left);
    expect(services.progress.settings.retention).toBe(0.89);
    await app.press('j', 'j', 'l');
    expect(services.progress.settings.thinkSeconds).toBe(75);
    expect(services.progress.settings.typeAnswers).toBe(true);
    await app.press('j', 'l');
    expect(services.progress.settings.typeAnswers).toBe(false);
    await app.press('j', 'l');
    expect(services.progress.settings.language).toBe('ko');
    await app.waitFor('하루 새 카드');
  });

  test('Korean interface', async () => {
    const app = renderApp(fakeServices(miniDecks()), { lang: 'ko' });
    await app.waitFor('종료');
    expect(app.frame()).toContain('복습');
    expect(app.frame()).toContain('연속 0일');
  });

  test('at 40×12 every screen fits: no frame taller than rows − 1 or wider than 40 columns', async () => {
    const decks = miniDecks();
    const services = { ...fakeServices(decks), loadSearch: async () => buildSearchIndex(decks) };
    const screens = [
      { kind: 'home' as const },
      { kind: 'review' as const },
      { kind: 'search' as const, query: '컨테이너' },
      { kind: 'card' as const, deckId: 'mini', cardId: 'mini-interview' },
      { kind: 'settings' as const },
    ];
    for (const screen of screens) {
      const app = renderApp(services, { initial: [screen], columns: 40, rows: 12 });
      await app.waitFor(/\S/);
      await app.press(' ');
      const f = app.frame();
      expect(lines(f).length, screen.kind).toBeLessThanOrEqual(11);
      for (const l of lines(f)) expect(displayWidth(l), `${screen.kind}: ${l}`).toBeLessThanOrEqual(40);
      app.unmount();
    }
  });
});
