process.env.TZ = 'Asia/Seoul';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpHome } from '../helpers/tmpHome.js';
import { State } from '../../src/core/schedule/fsrs.js';
import { readLog } from '../../src/store/log.js';
import { SNAPSHOT_FORMAT } from '../../src/store/snapshot.js';
import { clock, DAY, deck, MIN, open } from './fixtures.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tmpHome()));
afterEach(() => cleanup());

const logLines = () => (existsSync(join(home, 'reviews.jsonl')) ? readFileSync(join(home, 'reviews.jsonl'), 'utf8').split('\n').filter(Boolean) : []);

function strip(p: { ledger: { items: Map<string, object> } }) {
  return Object.fromEntries([...p.ledger.items].map(([k, s]) => {
    const { prev: _p, ...rest } = s as { prev?: unknown };
    return [k, rest];
  }));
}

describe('answers', () => {
  test('an answer is in the log before answer() returns, and survives a restart without close()', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 5)];
    const p = open(home, decks, c.now);
    const s = p.startReview();
    expect(s.current()?.item.key).toBe('docker-0000');
    s.answer(3, 1234);
    const lines = logLines();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ op: 'answer', key: 'docker-0000', grade: 3, ms: 1234, kind: 'review', reschedule: true });
    c.advance(MIN);
    s.answer(4, 10);
    // No close(): a new process replays the log.
    const p2 = open(home, decks, c.now);
    expect(strip(p2)).toEqual(strip(p));
    expect(p2.state('docker-0001')?.st).toBe(State.Review);
  });

  test('the end-of-session summary names when the next card is due, also days away', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 2)], c.now);
    const s = p.startReview();
    // Easy sends both new cards straight to review, days away: nothing is left today.
    s.answer(4, 1);
    s.answer(4, 1);
    expect(s.current()).toBeUndefined();
    const due = Math.min(p.state('docker-0000')!.due, p.state('docker-0001')!.due);
    expect(due).toBeGreaterThan(c.now().getTime() + DAY);
    expect(s.summary().nextDue?.getTime()).toBe(due);
  });

  test('previews label the four grades of a new card', () => {
    const p = open(home, [deck('docker', 1)], clock('2026-03-02T10:00:00').now);
    const pv = p.startReview().previews()!;
    expect([pv[1].label, pv[2].label, pv[3].label]).toEqual(['1m', '6m', '10m']);
    expect(pv[4].label).toMatch(/^\d+d$/);
  });

  test('undo restores the card and shows it again; a new session undoes nothing, the labelled undoLast does', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 3)];
    const p = open(home, decks, c.now);
    const s = p.startReview();
    s.answer(3, 1);
    const afterFirst = strip(p);
    s.answer(1, 1);
    expect(s.undo()).toEqual({ key: 'docker-0001', what: 'answer' });
    expect(strip(p)).toEqual(afterFirst);
    expect(s.current()?.item.key).toBe('docker-0001');
    s.answer(4, 1);
    const afterSecond = strip(p);
    s.answer(2, 1); // docker-0002
    // Restart: `u` in a new session has nothing of its own to undo; the labelled action undoes the newest answer.
    const p2 = open(home, decks, c.now);
    const s2 = p2.startReview();
    const before = strip(p2);
    expect(s2.undo()).toBeUndefined();
    expect(strip(p2)).toEqual(before);
    expect(p2.undoLast()).toBe(true);
    expect(strip(p2)).toEqual(afterSecond);
    // ...and the undo itself is in the log: a third process agrees.
    expect(strip(open(home, decks, c.now))).toEqual(afterSecond);
    expect(readLog(home).entries.filter((e) => e.op === 'undo')).toHaveLength(2);
  });

  test('undo keeps the session total: the card shown before the undo is still counted as to come', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 5)], c.now);
    const s = p.startReview();
    /** Answered in this session + the current card + the cards still to come. */
    let answered = 0;
    const total = () => {
      const shown = s.current() ? 1 : 0; // first: remaining() leaves the current card out
      const r = s.remaining();
      return answered + shown + r.learning + r.review + r.new;
    };
    s.answer(4, 1); // Easy: a review days away, not back today
    answered++;
    const before = total();
    expect(before).toBe(5);
    s.answer(4, 1);
    answered++;
    expect(total()).toBe(before);
    expect(s.undo()).toEqual({ key: 'docker-0001', what: 'answer' });
    answered--;
    expect(s.current()?.item.key).toBe('docker-0001');
    expect(total()).toBe(before);
    // Both put-back cards come in turn, then the rest; nothing is shown twice.
    const shown: string[] = [];
    while (s.current()) {
      shown.push(s.current()!.item.key);
      s.answer(4, 1);
    }
    expect(shown).toEqual(['docker-0001', 'docker-0002', 'docker-0003', 'docker-0004']);
  });

  test('undo says what it took back, newest first: a bury, a suspend, an answer', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 3)], c.now);
    const s = p.startReview();
    s.answer(3, 1);
    s.suspend();
    s.bury();
    expect(s.undo()).toEqual({ key: 'docker-0002', what: 'bury' });
    expect(s.undo()).toEqual({ key: 'docker-0001', what: 'suspend' });
    expect(s.undo()).toEqual({ key: 'docker-0000', what: 'answer' });
    expect(s.undo()).toBeUndefined();
  });

  test('suspend and bury (with the sibling) hide cards; burial ends with the study day', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 3, { reversible: 1 })], c.now);
    const s = p.startReview();
    expect(s.current()?.item.key).toBe('docker-0000');
    s.bury();
    expect(p.state('docker-0000')?.bury).toBeDefined();
    expect(p.state('docker-0000~rev')?.bury).toBeDefined();
    expect(s.current()?.item.key).toBe('docker-0001');
    s.suspend();
    expect(s.current()?.item.key).toBe('docker-0002');
    expect(p.counts().suspended).toBe(1);
    c.set('2026-03-03T04:00:00');
    const keys: string[] = [];
    const s2 = p.startReview();
    for (let e = s2.current(); e; e = s2.current()) {
      keys.push(e.item.key);
      s2.answer(4, 1);
    }
    expect(keys).toContain('docker-0000');
    expect(keys).not.toContain('docker-0001');
  });

  test('leech: at the threshold the card is tagged, suspended and the user told', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 1)], c.now);
    p.saveSettings({ leechThreshold: 2 });
    let leech = false;
    for (let day = 0; day < 30 && !leech; day++) {
      const s = p.startReview();
      for (let e = s.current(); e && !leech; e = s.current()) {
        // Again on a review card is a lapse; Good through the learning steps.
        leech = s.answer(e.kind === 'review' ? 1 : 3, 1).leech;
        c.advance(11 * MIN);
      }
      c.advance(DAY);
    }
    expect(leech).toBe(true);
    expect(p.state('docker-0000')).toMatchObject({ leech: true, susp: true, lapses: 2 });
    expect(p.notices.some((n) => n.includes('docker-0000') && n.includes('leech'))).toBe(true);
    expect(p.startReview().current()).toBeUndefined();
  });

  test('counts and streak follow the study day (04:00)', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 30)], c.now);
    expect(p.counts()).toEqual({ new: 20, learning: 0, review: 0, suspended: 0, doneToday: 0, dueReviews: 0 });
    for (const at of ['2026-03-02T10:00:00', '2026-03-03T02:00:00', '2026-03-03T12:00:00', '2026-03-05T12:00:00']) {
      c.set(at);
      p.startReview().answer(4, 1);
    }
    // 03-03 02:00 belongs to 03-02; 03-04 missed.
    expect(p.streak()).toEqual({ current: 1, longest: 2 });
    c.set('2026-03-06T03:59:00');
    expect(p.streak().current).toBe(1);
    c.set('2026-03-07T12:00:00');
    expect(p.streak().current).toBe(0);
  });
});

describe('cram', () => {
  test('by default cram records results but leaves FSRS state alone; weakest first uses the misses', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 4)], c.now);
    const r = p.startReview();
    for (let i = 0; i < 4; i++) r.answer(4, 1);
    const before = strip(p);
    const s = p.startCram({ deckId: 'docker' });
    const order: string[] = [];
    for (let e = s.current(); e; e = s.current()) {
      order.push(e.item.key);
      s.answer(e.item.key === 'docker-0002' && order.filter((k) => k === 'docker-0002').length === 1 ? 1 : 3, 1);
    }
    // The missed card came back at the end.
    expect(order).toEqual(['docker-0000', 'docker-0001', 'docker-0002', 'docker-0003', 'docker-0002']);
    for (const k of Object.keys(before)) {
      const { lastE: _a, cramN: _b, cramMiss: _c, ...was } = before[k] as Record<string, unknown>;
      const { lastE: _d, cramN: _e, cramMiss: _f, ...now } = strip(p)[k] as Record<string, unknown>;
      expect(now).toEqual(was);
    }
    expect(p.state('docker-0002')).toMatchObject({ cramN: 2, cramMiss: 1 });
    expect(readLog(home).entries.filter((e) => e.op === 'answer' && e.kind === 'cram' && !e.reschedule)).toHaveLength(5);
    expect(p.startCram({ weakest: true }).current()?.item.key).toBe('docker-0002');
  });

  test('--reschedule lets cram answers move the schedule', () => {
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 1)], c.now);
    const s = p.startCram({ reschedule: true });
    s.answer(4, 1);
    expect(p.state('docker-0000')?.st).toBe(State.Review);
  });

  test('tag and explicit key selections', () => {
    const p = open(home, [deck('docker', 6, { tags: (i) => (i % 2 ? ['net'] : []) })], clock('2026-03-02T10:00:00').now);
    const keys = (s: ReturnType<typeof p.startCram>) => {
      const out: string[] = [];
      for (let e = s.current(); e; e = s.current()) {
        out.push(e.item.key);
        s.answer(3, 1);
      }
      return out;
    };
    expect(keys(p.startCram({ tag: 'net' }))).toEqual(['docker-0001', 'docker-0003', 'docker-0005']);
    expect(keys(p.startCram({ keys: ['docker-0004', 'docker-0000'], kind: 'quiz' }))).toEqual(['docker-0004', 'docker-0000']);
    expect(readLog(home).entries.filter((e) => e.op === 'answer' && e.kind === 'quiz')).toHaveLength(2);
  });
});

describe('deck edits', () => {
  test('changed text keeps progress; a removed card keeps its history and resumes when it returns', () => {
    const c = clock('2026-03-02T10:00:00');
    const d = deck('docker', 3);
    const p = open(home, [d], c.now);
    const s = p.startReview();
    for (let i = 0; i < 3; i++) s.answer(4, 1);
    p.close();
    const edited = structuredClone(d);
    edited.deck.cards[0]!.front = '완전히 바뀐 질문';
    edited.deck.cards.splice(1, 1);
    const p2 = open(home, [edited], c.now);
    expect(p2.state('docker-0000')?.st).toBe(State.Review);
    expect(p2.items().map((i) => i.key)).toEqual(['docker-0000', 'docker-0002']);
    expect(p2.counts().new).toBe(0);
    p2.close();
    const p3 = open(home, [d], c.now);
    expect(p3.state('docker-0001')?.st).toBe(State.Review);
    expect(p3.counts().new).toBe(0);
  });
});

describe('damaged files', () => {
  test('a corrupt settings.json is moved aside (content kept), defaults used, the user told where', () => {
    writeFileSync(join(home, 'settings.json'), '{"retention": 0.8,,,');
    const p = open(home, [deck('docker', 1)], clock('2026-03-02T10:00:00').now);
    const backup = readdirSync(home).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(home, backup!), 'utf8')).toBe('{"retention": 0.8,,,');
    expect(p.notices.some((n) => n.includes(join(home, backup!)))).toBe(true);
    expect(p.settings.retention).toBe(0.9);
    p.saveSettings({ newPerDay: 5 });
    expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).newPerDay).toBe(5);
  });

  test('invalid setting values fall back to defaults with a notice', () => {
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, retention: 5, newPerDay: 7 }));
    const p = open(home, [], clock('2026-03-02T10:00:00').now);
    expect(p.settings).toMatchObject({ retention: 0.9, newPerDay: 7 });
    expect(p.notices.join('\n')).toMatch(/invalid retention/);
  });

  test('a corrupt state.bin is moved aside and progress rebuilt from the log', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 3)];
    const p = open(home, decks, c.now);
    const s = p.startReview();
    s.answer(3, 1);
    s.answer(4, 1);
    p.close();
    const want = strip(p);
    writeFileSync(join(home, 'state.bin'), '{"format":4,"keys":[tru\n');
    const p2 = open(home, decks, c.now);
    expect(strip(p2)).toEqual(want);
    const backup = readdirSync(home).find((f) => f.startsWith('state.bin.corrupt-'));
    expect(backup).toBeDefined();
    expect(p2.notices.some((n) => n.includes(backup!))).toBe(true);
    // The rebuilt snapshot was written fresh (and parses).
    const fresh = readFileSync(join(home, 'state.bin'));
    expect(JSON.parse(fresh.toString('utf8', 0, fresh.indexOf(10))).format).toBe(SNAPSHOT_FORMAT);
    expect(strip(open(home, decks, c.now))).toEqual(want);
  });

  test('a log replaced under its snapshot: reported, moved aside, progress recovered from the snapshot (F3)', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 3)];
    const p = open(home, decks, c.now);
    p.startReview().answer(4, 1);
    p.close();
    copyFileSync(join(home, 'reviews.jsonl'), join(home, 'one.jsonl'));
    const p1 = open(home, decks, c.now);
    p1.startReview().answer(1, 1);
    p1.close();
    // Replace the log by a different one of a similar size: the snapshot's tail check fails.
    const other = readFileSync(join(home, 'one.jsonl'), 'utf8').replace('docker-0000', 'docker-0002');
    writeFileSync(join(home, 'reviews.jsonl'), other);
    const kept = readFileSync(join(home, 'state.bin'));
    const p2 = open(home, decks, c.now);
    // The snapshot's states win: what the user answered is still there.
    expect(p2.state('docker-0000')?.st).toBe(State.Review);
    expect(p2.state('docker-0001')).toBeDefined();
    expect(p2.notices.filter((n) => n.includes('moved to'))).toHaveLength(1);
    const files = readdirSync(home);
    const damaged = files.find((f) => f.startsWith('reviews.jsonl.damaged-'))!;
    expect(readFileSync(join(home, damaged), 'utf8')).toBe(other);
    const aside = files.find((f) => f.startsWith('state.bin.before-recovery-'))!;
    expect(readFileSync(join(home, aside))).toEqual(kept);
    p2.close();
    // The new log alone rebuilds the same progress.
    rmSync(join(home, 'state.bin'));
    const p3 = open(home, decks, c.now);
    expect(strip(p3)).toEqual(strip(p2));
    expect(p3.notices).toEqual([]);
  });

  test('unreadable log lines are skipped and reported; a torn last line never breaks later appends', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 3)];
    const p = open(home, decks, c.now);
    p.startReview().answer(4, 1);
    p.close();
    appendFileSync(join(home, 'reviews.jsonl'), 'garbage line\n{"v":1,"id":"t","at":"2026-03-02T01:00:00Z","op":"ans');
    const p2 = open(home, decks, c.now);
    expect(p2.notices.filter((n) => n.includes('unreadable line'))).toHaveLength(1);
    const s = p2.startReview();
    s.answer(4, 1);
    const lines = logLines();
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ key: 'docker-0001' });
    const p3 = open(home, decks, c.now);
    expect(p3.state('docker-0001')?.st).toBe(State.Review);
    // The garbage and the once-torn line: one notice for the damaged stretch.
    expect(p3.notices.filter((n) => n.includes('2 unreadable lines'))).toHaveLength(1);
    expect(readLog(home).entries.filter((e) => e.op === 'answer')).toHaveLength(2);
  });
});

describe('versions', () => {
  test('v0 (one conf file with everything) migrates: settings renamed, history moved to the log', () => {
    copyFileSync(join(import.meta.dirname, '../fixtures/store/v0/settings.json'), join(home, 'settings.json'));
    const c = clock('2026-03-02T10:00:00');
    const p = open(home, [deck('docker', 3)], c.now);
    expect(p.settings).toMatchObject({ retention: 0.85, newPerDay: 15, reviewsPerDay: 120, dayStartHour: 5 });
    const { entries } = readLog(home);
    expect(entries.map((e) => e.id)).toEqual(['v0-0', 'v0-1', 'v0-2']);
    expect(p.state('docker-0000')?.reps).toBe(2);
    expect(p.state('docker-0001')?.lapses).toBe(0);
    const file = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
    expect(file.history).toBeUndefined();
    expect(file.cards).toBeUndefined();
    expect(file.__internal__.migrations.version).toBe('1.0.0');
    // Opening again migrates nothing twice.
    open(home, [deck('docker', 3)], c.now);
    expect(readLog(home).entries).toHaveLength(3);
  });

  test('settings that change the schedule rebuild the states from the log', () => {
    const c = clock('2026-03-02T10:00:00');
    const decks = [deck('docker', 1)];
    const p = open(home, decks, c.now);
    const s = p.startReview();
    s.answer(3, 1);
    c.advance(10 * MIN);
    s.answer(3, 1);
    const due90 = p.state('docker-0000')!.due;
    p.saveSettings({ retention: 0.97 });
    expect(p.state('docker-0000')!.due).toBeLessThan(due90);
    p.close();
    expect(open(home, decks, c.now).state('docker-0000')!.due).toBe(p.state('docker-0000')!.due);
  });
});
