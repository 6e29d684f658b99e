/**
 * Anki packages: the exported file opened with SQLite (tables, note types, counts, GUIDs stable
 * across exports, due dates); packages built here in Anki's legacy (schema 11) and current
 * (schema 18, zstd) layouts imported; a revlog round trip (export with progress, reviews added as
 * a phone would, import, the schedule moves; a second import adds nothing).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { amgi } from '../helpers/cli.js';
import { mini, useMiniDeckHome } from '../helpers/miniDeck.js';
import { createHash } from 'node:crypto';
import { SCHEMA11, collectionBytes, protoField } from '../../src/store/ankiPackage.js';
import { buildCollection, cardSchedule, collectionStart, fieldChecksum, guidFor } from '../../src/core/export/apkg.js';
import { dayStart, studyDay } from '../../src/core/schedule/day.js';
import type { ItemState } from '../../src/core/schedule/ledger.js';
import { openProgress } from '../../src/store/progress.js';
import { loadAllDecks } from '../../src/store/deckFiles.js';
import { readLog } from '../../src/store/log.js';

const env = useMiniDeckHome();
const NOW = '2026-03-10T10:00:00.000Z';
const run = (args: string[], extra: Record<string, string> = {}) => amgi(args, { AMGI_HOME: env.home, AMGI_NOW: NOW, ...extra });

async function openApkg(file: string): Promise<{ db: Database; zip: Record<string, Uint8Array> }> {
  const SQL = await initSqlJs();
  const zip = unzipSync(readFileSync(file));
  return { db: new SQL.Database(zip['collection.anki2']), zip };
}
const all = (db: Database, q: string) => db.exec(q)[0]?.values ?? [];

/** A zstd frame of raw (stored) blocks: what fzstd reads, without a compressor in the test. */
function zstdRaw(data: Uint8Array): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0]), Buffer.alloc(4)];
  parts[1]!.writeUInt32LE(data.length);
  const MAX = 128 * 1024;
  for (let at = 0; at < data.length || at === 0; at += MAX) {
    const n = Math.min(MAX, data.length - at);
    const last = at + n >= data.length ? 1 : 0;
    const h = (n << 3) | last; // block type 0: raw
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), Buffer.from(data.subarray(at, at + n)));
    if (data.length === 0) break;
  }
  return new Uint8Array(Buffer.concat(parts));
}

describe('export --format apkg', () => {
  test('a legacy collection: tables, note types per card type, counts, stable GUIDs, fields', async () => {
    const out = join(env.home, 'mini.apkg');
    const r = run(['export', '--format', 'apkg', '--out', out, '--decks', env.decks]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote 7 notes \(8 cards\) from 1 deck/);
    const { db, zip } = await openApkg(out);
    expect(new TextDecoder().decode(zip.media)).toBe('{}');
    const tables = all(db, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").map((x) => x[0]);
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    const [ver, models, decks] = all(db, 'SELECT ver, models, decks FROM col')[0]!;
    expect(ver).toBe(11);
    const m = JSON.parse(String(models)) as Record<string, { name: string; type: number; flds: { name: string }[]; tmpls: { qfmt: string }[] }>;
    const byName = new Map(Object.values(m).map((x) => [x.name, x]));
    expect(byName.get('amgi Cloze')?.type).toBe(1);
    expect(byName.get('amgi Basic (and reversed card)')?.tmpls).toHaveLength(2);
    expect(byName.get('amgi Basic (type in the answer)')?.tmpls[0]?.qfmt).toContain('{{type:Back}}');
    expect(Object.values(JSON.parse(String(decks)) as Record<string, { name: string }>).map((d) => d.name)).toContain('미니 덱');
    expect(all(db, 'SELECT count(*) FROM notes')[0]![0]).toBe(7);
    expect(all(db, 'SELECT count(*) FROM cards')[0]![0]).toBe(8);
    const notes = new Map(all(db, 'SELECT guid, flds, tags, mid FROM notes').map(([g, f, t, mid]) => [String(g), { f: String(f).split('\x1f'), t: String(t), mid: String(mid) }]));
    const cloze = notes.get(guidFor('mini-cloze'))!;
    expect(cloze.f[0]).toBe('이미지는 {{c1::읽기 전용}} 템플릿이다');
    expect(notes.get(guidFor('mini-layer'))!.t.trim()).toBe('image');
    const choice = notes.get(guidFor('mini-choice'))!;
    expect(m[choice.mid]!.name).toBe('amgi Choice');
    expect(choice.f[2]).toMatch(/class=right>runc ✔/);
    expect(notes.get(guidFor('mini-order'))!.f[1]).toBe('<ol><li>docker CLI</li><li>dockerd</li><li>containerd</li><li>runc</li></ol>');
    expect(notes.get(guidFor('mini-interview'))!.f[1]).toMatch(/^<ul><li>VM은/);
    // Exported again: the same GUIDs and ids, so Anki updates the notes instead of adding copies.
    const again = join(env.home, 'again.apkg');
    expect(run(['export', '--format', 'apkg', '--out', again, '--decks', env.decks]).code).toBe(0);
    const second = (await openApkg(again)).db;
    expect(all(second, 'SELECT id, guid FROM notes ORDER BY id')).toEqual(all(db, 'SELECT id, guid FROM notes ORDER BY id'));
    expect(all(second, 'SELECT id, nid, ord FROM cards ORDER BY id')).toEqual(all(db, 'SELECT id, nid, ord FROM cards ORDER BY id'));
  });

  test('--progress: each card carries its state (type, queue, due day, interval, FSRS memory)', async () => {
    const decks = loadAllDecks({ decksDir: env.decks, env: { AMGI_HOME: env.home } }).decks;
    let t = Date.parse('2026-03-01T10:00:00Z');
    const p = openProgress({ home: env.home, decks, now: () => new Date(t), fuzz: false });
    const s = p.startReview();
    // Good on a new card twice: learning, then review.
    for (let i = 0; i < 2; i++) {
      const cur = s.current();
      expect(cur?.item.key).toBe('mini-layer');
      s.answer(3, 2000);
      t += 15 * 60_000;
    }
    const state = p.state('mini-layer')!;
    p.close();
    expect(state.st).toBe(2);
    const out = join(env.home, 'p.apkg');
    const r = run(['export', '--format', 'apkg', '--out', out, '--decks', env.decks, '--progress']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 card with their schedule/);
    const { db } = await openApkg(out);
    const crt = Number(all(db, 'SELECT crt FROM col')[0]![0]);
    expect(crt).toBe(collectionStart(4));
    const [type, queue, due, ivl, data] = all(db, `SELECT c.type, c.queue, c.due, c.ivl, c.data FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = '${guidFor('mini-layer')}'`)[0]!;
    expect([type, queue]).toEqual([2, 2]);
    expect(due).toBe(studyDay(state.due, 4) - studyDay(crt * 1000, 4));
    expect(ivl).toBe(state.sch);
    // cards.data as Anki reads it (rslib/src/storage/card/data.rs:20-62: keys s, d, dr, decay, lrt;
    // roundings of convert_to_json, :93): decay is FSRS-6's default w[20], 0.1542 → 0.154.
    const fsrs = JSON.parse(String(data)) as Record<string, number>;
    expect(Object.keys(fsrs).sort()).toEqual(['d', 'decay', 'dr', 'lrt', 's']);
    expect(fsrs).toEqual({ s: Number(state.s.toFixed(4)), d: Number(state.d.toFixed(3)), dr: 0.9, decay: 0.154, lrt: Math.floor(state.last! / 1000) });
    const news = all(db, 'SELECT count(*) FROM cards WHERE type = 0 AND queue = 0')[0]![0];
    expect(news).toBe(7);
  });

  test('what Anki requires of a note: field count, no control characters, sort field and csum as Anki computes them', async () => {
    // rslib/src/notes/mod.rs:320 field_checksum, checked against Anki's own vectors (:705).
    expect([fieldChecksum('test'), fieldChecksum('今日')]).toEqual([2840236005, 1464653051]);
    const deck = loadAllDecks({ decksDir: env.decks, env: { AMGI_HOME: env.home } }).decks[0]!.deck;
    const layer = deck.cards.find((c) => c.id === 'mini-layer')!;
    Object.assign(layer, { front: 'R&D <layer>\x1f `ls`' });
    const col = buildCollection([deck], Date.parse(NOW));
    const SQL = await initSqlJs();
    const db = new SQL.Database(await collectionBytes(col));
    const models = JSON.parse(String(all(db, 'SELECT models FROM col')[0]![0])) as Record<string, { flds: unknown[]; sortf: number }>;
    for (const [flds, mid, sfld, csum] of all(db, 'SELECT flds, mid, sfld, csum FROM notes')) {
      // notes/mod.rs:193 prepare_for_update refuses a note whose field count is not its note type's.
      expect(String(flds).split('\x1f')).toHaveLength(models[String(mid)]!.flds.length);
      // text.rs:227 strip_html: tags removed, entities decoded; csum from the first field (sortf 0).
      expect(models[String(mid)]!.sortf).toBe(0);
      expect(csum).toBe(createHash('sha1').update(String(sfld)).digest().readUInt32BE(0));
    }
    const [flds, sfld] = all(db, `SELECT flds, sfld FROM notes WHERE guid = '${guidFor('mini-layer')}'`)[0]!;
    expect(String(flds).split('\x1f')[0]).toBe('R&amp;D &lt;layer&gt; <code>ls</code>');
    expect(sfld).toBe('R&D <layer> ls');
  });

  test("a review card is due on the same day in Anki: conf's schedVer, rollover and creationOffset count days as amgi does", async () => {
    // Seoul, a study day starting at 06:00, now 05:30 on 2026-03-10 (still study day 03-09).
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Seoul';
    try {
      const now = new Date(2026, 2, 10, 5, 30).getTime();
      const today = studyDay(now, 6);
      const dueDay = today + 5;
      const state: ItemState = { deck: 'mini', due: dayStart(dueDay, 6).getTime() + 3_600_000, s: 5.2, d: 4.1, el: 0, sch: 5, step: 0, reps: 2, lapses: 0, st: 2, last: now - 3_600_000 };
      const deck = loadAllDecks({ decksDir: env.decks, env: { AMGI_HOME: env.home } }).decks[0]!.deck;
      const col = buildCollection([deck], now, { state: (k) => (k === 'mini-layer' ? state : undefined), dayStartHour: 6, retention: 0.9, decay: 0.1542 });
      const SQL = await initSqlJs();
      const db = new SQL.Database(await collectionBytes(col));
      const [crt, conf] = all(db, 'SELECT crt, conf FROM col')[0]!;
      const c = JSON.parse(String(conf)) as { schedVer?: number; rollover?: number; creationOffset?: number };
      const [due] = all(db, `SELECT c.due FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = '${guidFor('mini-layer')}'`)[0]!;
      // Anki's day count (rslib/src/scheduler/timing.rs:27-84 sched_timing_today_v2_new) with what it
      // falls back to when a key is missing: rollover 4 (scheduler/mod.rs:65), the importer's own
      // offset as creationOffset (scheduler/upgrade.rs:118). The importer is in Seoul too.
      const rollover = c.rollover ?? 4;
      const west = c.creationOffset ?? new Date(Number(crt) * 1000).getTimezoneOffset();
      const localDay = (secs: number, minutesWest: number) => Math.floor((secs - minutesWest * 60) / 86_400);
      const localHour = (secs: number, minutesWest: number) => Math.floor(((secs - minutesWest * 60) % 86_400) / 3600);
      const nowSecs = now / 1000;
      const nowWest = new Date(now).getTimezoneOffset();
      const daysElapsed = localDay(nowSecs, nowWest) - localDay(Number(crt), west) - (localHour(nowSecs, nowWest) >= rollover ? 0 : 1);
      // import/cards.rs:180 shifts the due by the difference of day counts: what stays is the due relative to today.
      expect(Number(due) - daysElapsed).toBe(dueDay - today);
      expect([c.schedVer, c.rollover, c.creationOffset]).toEqual([2, 6, -540]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test("a learning card's left counts the steps still ahead as Anki does (1m 10m learning, 10m relearning)", () => {
    const at = Date.parse(NOW);
    const learning = (st: 1 | 3, step: number): ItemState => ({ deck: 'mini', due: at + 600_000, s: 2.3, d: 5, el: 0, sch: 0, step, reps: 1, lapses: 0, st, last: at });
    const left = (st: 1 | 3, step: number) => cardSchedule(learning(st, step), 0, () => 0, 0.9, 0.1542).left;
    // rslib/src/scheduler/states/steps.rs:23 get_index: the step is steps − left; at step 0 of 2, left 2.
    expect([left(1, 0), left(1, 1), left(3, 0)]).toEqual([2, 1, 1]);
  });

  test('bad input: one clear line', () => {
    const r = run(['export', '--format', 'apkg', '--decks', env.decks]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/--out FILE.apkg/);
    const r2 = run(['export', '--format', 'json', '--progress', '--decks', env.decks]);
    expect(r2.code).toBe(2);
  });
});

/** Notes of the four stock note types, with HTML and a media reference. */
const NOTES = [
  { guid: 'g-basic', type: 'basic', flds: ['What is a <b>layer</b>?', 'A read-only&nbsp;filesystem diff<br>stacked'], tags: ' image docker ' },
  { guid: 'g-rev', type: 'rev', flds: ['namespace', '격리 <img src="ns.png">'], tags: '' },
  { guid: 'g-type', type: 'type', flds: ['Default registry', 'docker.io'], tags: '' },
  { guid: 'g-cloze', type: 'cloze', flds: ['{{c1::runc}} runs {{c2::containers::what}}', 'OCI'], tags: ' oci ' },
];

const LEGACY_MODELS = {
  '1': { id: 1, name: 'Basic', type: 0, flds: [{ name: 'Front' }, { name: 'Back' }], tmpls: [{ qfmt: '{{Front}}' }] },
  '2': { id: 2, name: 'Basic (and reversed card)', type: 0, flds: [{ name: 'Front' }, { name: 'Back' }], tmpls: [{ qfmt: '{{Front}}' }, { qfmt: '{{Back}}' }] },
  '3': { id: 3, name: 'Basic (type in the answer)', type: 0, flds: [{ name: 'Front' }, { name: 'Back' }], tmpls: [{ qfmt: '{{Front}}\n\n{{type:Back}}' }] },
  '4': { id: 4, name: 'Cloze', type: 1, flds: [{ name: 'Text' }, { name: 'Back Extra' }], tmpls: [{ qfmt: '{{cloze:Text}}' }] },
};
const MID: Record<string, number> = { basic: 1, rev: 2, type: 3, cloze: 4 };

/** The notes and their cards (deck 77): the same rows in both schemas. */
function insertNotes(db: Database): void {
  NOTES.forEach((n, i) => {
    db.run("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')", [100 + i, n.guid, MID[n.type]!, n.tags, n.flds.join('\x1f')]);
    db.run("INSERT INTO cards VALUES (?, ?, 77, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')", [200 + i, 100 + i, i]);
  });
}

async function legacyCollection(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(SCHEMA11);
  db.run("INSERT INTO col VALUES (1, 1600000000, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", [JSON.stringify(LEGACY_MODELS), JSON.stringify({ '1': { id: 1, name: 'Default' }, '77': { id: 77, name: 'Docker::Basics' } })]);
  insertNotes(db);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** protobuf, as prost writes it: a key varint, then a varint or a length-delimited value. */
function pbVarint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80);
  return [...out, n];
}
const pbString = (field: number, text: string) => {
  const b = strToU8(text);
  return [...pbVarint((field << 3) | 2), ...pbVarint(b.length), ...b];
};
/** Anki's afmt of each stock type; Basic's back also shows what was typed (its front asks for nothing). */
const AFMT: Record<string, string> = { '1': '{{FrontSide}}<hr id=answer>{{Back}}{{type:Back}}', '2': '{{FrontSide}}<hr id=answer>{{Back}}', '3': '{{Front}}<hr id=answer>{{type:Back}}', '4': '{{cloze:Text}}<br>{{Back Extra}}' };

/** Schema 18 (Anki 2.1.50+): note types, fields, templates and decks in tables; protobuf configs. */
async function currentCollection(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);`);
  db.run("INSERT INTO col VALUES (1, 1600000000, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
  for (const [id, m] of Object.entries(LEGACY_MODELS)) {
    // Notetype.Config (proto/anki/notetypes.proto:48): kind (1) = 1 for cloze, left out when 0; css (3) after it.
    const css = pbString(3, '.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }'.repeat(2));
    const config = new Uint8Array(m.type === 1 ? [0x08, 0x01, ...css] : css);
    db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [Number(id), m.name, config]);
    m.flds.forEach((f, ord) => db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [Number(id), ord, f.name, new Uint8Array()]));
    // Template.Config (notetypes.proto:103): q_format (1), a_format (2), strings.
    m.tmpls.forEach((t, ord) => db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [Number(id), ord, `Card ${ord + 1}`, new Uint8Array([...pbString(1, t.qfmt), ...pbString(2, AFMT[id]!)])]));
  }
  db.run("INSERT INTO decks VALUES (77, 'Docker\x1fBasics', 0, 0, x'', x'')");
  insertNotes(db);
  const bytes = db.export();
  db.close();
  return bytes;
}

function expectImported(r: { code: number; stdout: string; stderr: string }, deckFile: string): void {
  expect(r.code, r.stderr + r.stdout).toBe(0);
  expect(r.stdout).toMatch(/1 media file \(images, sounds\) not imported/);
  const deck = JSON.parse(readFileSync(deckFile, 'utf8')) as { title: string; cards: { type: string; front: string; back?: string; answer?: string; tags?: string[] }[] };
  expect(deck.title).toBe('Docker::Basics');
  expect(deck.cards.map((c) => c.type)).toEqual(['basic', 'reversible', 'typed', 'cloze']);
  expect(deck.cards[0]).toMatchObject({ front: 'What is a layer?', back: 'A read-only filesystem diff\nstacked', tags: ['image', 'docker'] });
  expect(deck.cards[1]!.back).toBe('격리');
  // Basic (type in the answer): the learner types it in amgi too.
  expect(deck.cards[2]).toMatchObject({ front: 'Default registry', answer: 'docker.io' });
  expect(deck.cards[3]).toMatchObject({ front: '{{runc}} runs {{containers}}', back: 'OCI', tags: ['oci'] });
}

describe('import FILE.apkg / FILE.colpkg', () => {
  test('legacy .apkg (collection.anki2): Basic, reversed, type-in and Cloze notes become a deck; media counted and skipped', async () => {
    const file = join(env.home, 'legacy.apkg');
    writeFileSync(file, zipSync({ 'collection.anki2': await legacyCollection(), media: strToU8('{"0": "ns.png"}'), '0': new Uint8Array([1, 2, 3]) }));
    const r = run(['import', file, '--deck', 'legacy', '--yes']);
    expectImported(r, join(env.home, 'decks', 'legacy.json'));
    expect(r.stdout).toMatch(/collection.anki2 with 4 notes/);
  });

  test('current .colpkg (collection.anki21b, zstd, schema 18) imports the same', async () => {
    const file = join(env.home, 'current.colpkg');
    writeFileSync(file, zipSync({ 'collection.anki2': await legacyCollection(), 'collection.anki21b': zstdRaw(await currentCollection()), media: zstdRaw(new Uint8Array()), '0': new Uint8Array([1]) }));
    const r = run(['import', file, '--deck', 'current', '--yes']);
    expectImported(r, join(env.home, 'decks', 'current.json'));
    expect(r.stdout).toMatch(/collection.anki21b with 4 notes/);
  });

  test('schema 18 configs read as protobuf: the question is field 1 alone, lengths past 127 bytes, damage is no value', () => {
    const qfmt = `<div class=q>${'질문 '.repeat(40)}{{Front}}</div>`;
    const tmpl = new Uint8Array([...pbString(1, qfmt), ...pbString(2, '{{FrontSide}}<hr id=answer>{{type:Back}}')]);
    expect(Buffer.from(protoField(tmpl, 1) as Uint8Array).toString('utf8')).toBe(qfmt);
    expect(Buffer.from(protoField(tmpl, 2) as Uint8Array).toString('utf8')).toMatch(/type:Back/);
    const cloze = new Uint8Array([0x08, 0x01, ...pbString(3, 'css')]);
    expect([protoField(cloze, 1), protoField(new Uint8Array(pbString(3, 'css')), 1)]).toEqual([1, undefined]);
    expect(protoField(tmpl.subarray(0, 10), 2)).toBeUndefined();
  });

  test('not a package: one clear line, exit 1', () => {
    const file = join(env.home, 'bad.apkg');
    writeFileSync(file, 'not a zip');
    const r = run(['import', file, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/bad.apkg: not an Anki package \(not a zip file\)/);
  });
});

test('revlog round trip: export with progress, reviews on the phone, import: the schedule moves; twice adds nothing', async () => {
  const out = join(env.home, 'phone.apkg');
  expect(run(['export', '--format', 'apkg', '--out', out, '--decks', env.decks, '--progress']).code).toBe(0);
  const SQL = await initSqlJs();
  const zip = unzipSync(readFileSync(out));
  const db = new SQL.Database(zip['collection.anki2']);
  // The phone: Good on the layer card, then Again and Good on the reverse of the runtime card, days later.
  const cid = (guid: string, ord: number) => Number(all(db, `SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = '${guid}' AND c.ord = ${ord}`)[0]![0]);
  const day = (d: number) => Date.parse('2026-03-11T08:00:00Z') + d * 86_400_000;
  const rows = [
    [day(0), cid(guidFor('mini-layer'), 0), 3, 4200, 0],
    [day(1), cid(guidFor('mini-layer'), 0), 3, 3100, 1],
    [day(0) + 5000, cid(guidFor('mini-runtime'), 1), 1, 8000, 0],
    [day(0) + 900_000, cid(guidFor('mini-runtime'), 1), 3, 2500, 0],
    [day(2), 999, 3, 1000, 1], // a card amgi never exported
    // A filtered deck without rescheduling: type 3, factor 0 (rslib/src/revlog/mod.rs:115 is_cramming).
    [day(2) + 60_000, cid(guidFor('mini-layer'), 0), 1, 2000, 3, 0],
  ];
  for (const [id, c, ease, time, type, factor = 2500] of rows) db.run('INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, ?, ?, ?)', [id!, c!, ease!, factor, time!, type!]);
  writeFileSync(out, zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') }));
  const later = '2026-03-14T10:00:00.000Z';
  const r = run(['import', out, '--progress', '--decks', env.decks], { AMGI_NOW: later });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/merged 5 new entries/);
  expect(r.stderr).toMatch(/1 review of cards amgi did not export left out/);
  const log = readLog(env.home).entries;
  expect(log.filter((e) => e.op === 'answer' && e.key === 'mini-runtime~rev').map((e) => e.op === 'answer' && [e.grade, e.ms])).toEqual([[1, 8000], [3, 2500]]);
  const decks = loadAllDecks({ decksDir: env.decks, env: { AMGI_HOME: env.home } }).decks;
  const p = openProgress({ home: env.home, decks, now: () => new Date(later), fuzz: false });
  const layer = p.state('mini-layer')!;
  // The cram Again is kept for weakest-first, the schedule is the two Goods'.
  expect(log.filter((e) => e.op === 'answer' && e.key === 'mini-layer').map((e) => e.op === 'answer' && [e.kind, e.reschedule])).toEqual([['review', true], ['review', true], ['cram', false]]);
  expect(layer.reps).toBe(2);
  expect(layer.cramN).toBe(1);
  expect(layer.due).toBeGreaterThan(day(1));
  p.close();
  const twice = run(['import', out, '--progress', '--decks', env.decks], { AMGI_NOW: later });
  expect(twice.code).toBe(0);
  expect(twice.stdout).toMatch(/nothing new/);
  expect(readLog(env.home).entries).toHaveLength(5);
  void mini;
});

describe('a package of several decks (amgi export --format apkg of every deck)', () => {
  // It made ONE deck named after the file, titled after the biggest Anki deck, every card a silent copy of a bundled one.
  const fresh = () => {
    const home = mkdtempSync(join(tmpdir(), 'amgi-apkg-all-'));
    return { home, run: (args: string[]) => amgi(args, { AMGI_HOME: home, AMGI_NOW: NOW }), done: () => rmSync(home, { recursive: true, force: true }) };
  };
  type Listed = { id: string; title: string; cards: number; source: string };

  test('round trip: one user deck per Anki deck, the same titles and counts; the copies of loaded cards are reported', () => {
    const h = fresh();
    try {
      const file = join(h.home, 'all.apkg');
      expect(h.run(['export', '--format', 'apkg', '--out', file]).code).toBe(0);
      const r = h.run(['import', file, '--yes']);
      expect(r.code, r.stderr).toBe(0);
      const listed = JSON.parse(h.run(['decks', '--json']).stdout) as Listed[];
      const bundled = listed.filter((d) => d.source === 'bundled');
      const user = listed.filter((d) => d.source === 'user');
      expect(bundled.length).toBeGreaterThan(1);
      const shape = (ds: Listed[]) => ds.map((d) => [d.title, d.cards]).sort();
      expect(shape(user)).toEqual(shape(bundled));
      expect(user.map((d) => d.id)).not.toContain('all');
      expect(user.find((d) => d.title === '이미지 레지스트리')!.id).toBe('imiji-rejiseuteuri');
      // Every card is one a bundled deck already has, choice and order cards included (found by the note's GUID).
      const warnings = r.stderr.split('\n').filter(Boolean);
      for (const d of bundled) expect(warnings).toContain(`amgi: warning: ${d.cards} cards are the same as cards in deck "${d.id}" (${d.title}); you would study them twice`);
      const total = bundled.reduce((n, d) => n + d.cards, 0);
      expect(warnings.at(-1)).toBe(`amgi: warning: ${total} of the ${total} cards are already in other loaded decks`);
      expect(warnings).toHaveLength(bundled.length + 1);
      // One question for all of them (here answered by --yes), one line per deck written.
      expect(r.stdout.match(/^wrote \d+ cards to /gm)).toHaveLength(bundled.length);
    } finally {
      h.done();
    }
  });

  test('with --deck ID: one deck, titled after the file, not after one of its decks', () => {
    const h = fresh();
    try {
      const file = join(h.home, 'all.apkg');
      expect(h.run(['export', '--format', 'apkg', '--out', file]).code).toBe(0);
      const r = h.run(['import', file, '--deck', 'everything', '--yes', '--lang', 'ko']);
      expect(r.code, r.stderr).toBe(0);
      const deck = JSON.parse(readFileSync(join(h.home, 'decks', 'everything.json'), 'utf8')) as { title: string; cards: unknown[] };
      expect(deck.title).toBe('all');
      expect(deck.cards.length).toBeGreaterThan(300);
      expect(r.stderr).toMatch(/^amgi: 경고: 카드 47장이 "images" 덱\(이미지와 컨테이너, 이미지 레이어\)의 카드와 같습니다\. 두 번 공부하게 됩니다$/m);
    } finally {
      h.done();
    }
  });

  test('notes: a card with the front and answer of a loaded card is reported too; a new one is not', () => {
    const h = fresh();
    try {
      const md = join(h.home, 'pull.md');
      writeFileSync(md, '레지스트리에서 이미지를 내려받는 명령은?::docker pull\n새 질문::새 답\n');
      const r = h.run(['import', md, '--yes']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.trim()).toBe('amgi: warning: 1 card is the same as cards in deck "registry" (이미지 레지스트리); you would study them twice');
    } finally {
      h.done();
    }
  });

  test('without --yes and no terminal: every deck is previewed, then nothing is written', () => {
    const h = fresh();
    try {
      const file = join(h.home, 'all.apkg');
      expect(h.run(['export', '--format', 'apkg', '--out', file]).code).toBe(0);
      const r = h.run(['import', file]);
      expect(r.code).toBe(1);
      expect(r.stdout.match(/^Anki import: /gm)!.length).toBeGreaterThan(1);
      expect(r.stderr).toMatch(/nothing written: pass --yes/);
      expect(existsSync(join(h.home, 'decks'))).toBe(false);
    } finally {
      h.done();
    }
  });
});
