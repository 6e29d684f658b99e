/**
 * Anki packages on disk: .apkg/.colpkg are zip files holding an SQLite collection
 * (`collection.anki2` legacy schema 11, `collection.anki21`, or `collection.anki21b`: schema 18
 * compressed with zstd), a `media` map and the media files named 0, 1, 2 …
 * SQLite is sql.js (WebAssembly), zip is fflate, zstd is fzstd: nothing native, and all three are
 * imported only here, by the export/import commands — never on the start-up path.
 */
import { readFileSync } from 'node:fs';
import type { Database, SqlJsStatic } from 'sql.js';
import { MODEL_CSS, type AnkiCollection, type AnkiModel } from '../core/export/apkg.js';
import { InputError } from '../core/import/errors.js';
import { writeUserFile } from './atomicFile.js';

let sql: Promise<SqlJsStatic> | undefined;
function sqlite(): Promise<SqlJsStatic> {
  return (sql ??= import('sql.js').then((m) => m.default()));
}

/** Schema 11, as Anki's rslib/src/storage/schema11.sql (and genanki's apkg_schema.py). */
export const SCHEMA11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/**
 * col.conf. schedVer 2, rollover and creationOffset: how Anki counts the days of review dues
 * (rslib/src/scheduler/mod.rs:58 timing_for_timestamp, timing.rs:27). Without schedVer the
 * importer takes the package for the v1 scheduler and upgrades it with a 4 o'clock rollover and
 * the importing machine's offset (scheduler/upgrade.rs:110): dues one day off for an amgi day
 * starting at another hour.
 */
function confJson(col: AnkiCollection): string {
  return JSON.stringify({
    activeDecks: [1], addToCur: true, collapseTime: 1200, curDeck: 1, curModel: null, dueCounts: true, estTimes: true, newBury: true, newSpread: 0,
    nextPos: 1, sortBackwards: false, sortType: 'noteFld', timeLim: 0,
    schedVer: 2, rollover: col.rollover, creationOffset: col.creationOffset,
  });
}
const DCONF = {
  1: {
    autoplay: true, dyn: false, id: 1, maxTaken: 60, mod: 0, name: 'Default', replayq: true, timer: 0, usn: 0,
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
    rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
  },
};
const LATEX_PRE = '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

/** A note type as col.models holds it (genanki model.to_json). */
function modelJson(m: AnkiModel, modSec: number): object {
  return {
    css: MODEL_CSS,
    did: 1,
    flds: m.fields.map((name, ord) => ({ name, ord, font: 'Liberation Sans', media: [], rtl: false, size: 20, sticky: false })),
    id: String(m.id),
    latexPost: '\\end{document}',
    latexPre: LATEX_PRE,
    mod: modSec,
    name: m.name,
    // Card ord i needs its question's field (i): what Anki checks before making a card.
    req: m.templates.map((_, i) => [i, 'all', [m.cloze ? 0 : i === 1 ? 1 : 0]]),
    sortf: 0,
    tags: [],
    tmpls: m.templates.map((t, ord) => ({ name: t.name, ord, qfmt: t.qfmt, afmt: t.afmt, bafmt: '', bqfmt: '', did: null })),
    type: m.cloze ? 1 : 0,
    usn: -1,
    vers: [],
  };
}

/** The collection as the bytes of a schema-11 SQLite database. */
export async function collectionBytes(col: AnkiCollection): Promise<Uint8Array> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  try {
    db.run(SCHEMA11);
    const modSec = Math.floor(col.mod / 1000);
    const models = Object.fromEntries(col.models.map((m) => [String(m.id), modelJson(m, modSec)]));
    const decks: Record<string, object> = {};
    const deck = (id: number, name: string, desc: string) => ({ collapsed: false, conf: 1, desc, dyn: 0, extendNew: 10, extendRev: 50, id, lrnToday: [0, 0], mod: modSec, name, newToday: [0, 0], revToday: [0, 0], timeToday: [0, 0], usn: -1 });
    decks['1'] = deck(1, 'Default', '');
    for (const d of col.decks) decks[String(d.id)] = deck(d.id, d.name, d.desc);
    db.run('INSERT INTO col VALUES (1,?,?,?,11,0,0,0,?,?,?,?,?)', [col.crt, col.mod, col.mod, confJson(col), JSON.stringify(models), JSON.stringify(decks), JSON.stringify(DCONF), '{}']);
    db.run('BEGIN');
    const note = db.prepare('INSERT INTO notes VALUES (?,?,?,?,-1,?,?,?,?,0,\'\')');
    for (const n of col.notes) note.run([n.id, n.guid, n.mid, modSec, n.tags, n.flds, n.sfld, n.csum]);
    note.free();
    const card = db.prepare('INSERT INTO cards VALUES (?,?,?,?,?,-1,?,?,?,?,?,?,?,?,0,0,0,?)');
    for (const c of col.cards) card.run([c.id, c.nid, c.did, c.ord, modSec, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.data]);
    card.free();
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

/** Write an .apkg: the collection and an empty media map, zipped; atomically. */
export async function writeApkg(file: string, col: AnkiCollection): Promise<void> {
  const { zipSync, strToU8 } = await import('fflate');
  const bytes = await collectionBytes(col);
  writeUserFile(file, zipSync({ 'collection.anki2': [bytes, { level: 6 }], media: [strToU8('{}'), { level: 0 }] }));
}

export interface PackageNote {
  id: number;
  guid: string;
  mid: number;
  tags: string[];
  fields: string[];
}

export interface PackageModel {
  name: string;
  fields: string[];
  /** Question templates. */
  qfmts: string[];
  cloze: boolean;
}

export interface AnkiPackage {
  format: 'collection.anki2' | 'collection.anki21' | 'collection.anki21b';
  notes: PackageNote[];
  cards: { id: number; nid: number; did: number; ord: number }[];
  revlog: { id: number; cid: number; ease: number; time: number; type: number; factor: number }[];
  models: Map<number, PackageModel>;
  decks: Map<number, string>;
  /** Media files in the package (amgi keeps text only). */
  media: number;
}

function rows(db: Database, sqlText: string): unknown[][] {
  return db.exec(sqlText)[0]?.values ?? [];
}

/**
 * The first value of field `field` in a protobuf message (a varint, or a length-delimited's bytes);
 * undefined when absent (proto3 leaves out zeros) or the bytes are damaged. Schema 18 keeps note
 * type and template options this way (Anki's proto/anki/notetypes.proto: Notetype.Config.kind = 1,
 * Template.Config.q_format = 1, a_format = 2).
 */
export function protoField(bytes: Uint8Array | null, field: number): number | Uint8Array | undefined {
  if (!bytes) return undefined;
  let at = 0;
  const varint = (): number => {
    let v = 0;
    for (let mul = 1; at < bytes.length; mul *= 128) {
      const b = bytes[at++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
    }
    throw new RangeError('truncated varint');
  };
  try {
    while (at < bytes.length) {
      const key = varint();
      const [num, wire] = [Math.floor(key / 8), key % 8];
      let value: number | Uint8Array;
      if (wire === 0) value = varint();
      else if (wire === 2) {
        const len = varint();
        if (at + len > bytes.length) return undefined;
        value = bytes.subarray(at, at + len);
        at += len;
      } else if (wire === 1 || wire === 5) {
        at += wire === 1 ? 8 : 4;
        continue;
      } else return undefined;
      if (num === field) return value;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const protoString = (bytes: Uint8Array | null, field: number): string => {
  const v = protoField(bytes, field);
  return v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : '';
};

export async function readAnkiPackage(file: string): Promise<AnkiPackage> {
  const { unzipSync } = await import('fflate');
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(file, 'cannot read: no such file');
    throw new InputError(file, 'not an Anki package (not a zip file)', undefined, 'export it from Anki as .apkg or .colpkg');
  }
  const format = (['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const).find((n) => zip[n]);
  if (!format) throw new InputError(file, 'not an Anki package (no collection inside)', undefined, 'export it from Anki as .apkg or .colpkg');
  let bytes = zip[format]!;
  if (format === 'collection.anki21b') {
    const { decompress } = await import('fzstd');
    try {
      bytes = decompress(bytes);
    } catch {
      throw new InputError(file, `${format} is damaged (zstd)`);
    }
  }
  const media = Object.keys(zip).filter((n) => /^\d+$/.test(n)).length;
  const SQL = await sqlite();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT 1 FROM notes LIMIT 1');
  } catch {
    throw new InputError(file, `${format} is not a readable Anki collection`);
  }
  try {
    const models = new Map<number, PackageModel>();
    const decks = new Map<number, string>();
    const tables = new Set(rows(db, "SELECT name FROM sqlite_master WHERE type='table'").map((r) => String(r[0])));
    if (tables.has('notetypes')) {
      // Schema 18: note types, fields and templates in tables, their options as protobuf.
      for (const [id, name, config] of rows(db, 'SELECT id, name, config FROM notetypes')) models.set(Number(id), { name: String(name), fields: [], qfmts: [], cloze: protoField(config as Uint8Array, 1) === 1 });
      for (const [ntid, name] of rows(db, 'SELECT ntid, name FROM fields ORDER BY ntid, ord')) models.get(Number(ntid))?.fields.push(String(name));
      for (const [ntid, config] of rows(db, 'SELECT ntid, config FROM templates ORDER BY ntid, ord')) models.get(Number(ntid))?.qfmts.push(protoString(config as Uint8Array, 1));
      for (const [id, name] of rows(db, 'SELECT id, name FROM decks')) decks.set(Number(id), String(name).replace(/\x1f/g, '::'));
    } else {
      const [m, d] = rows(db, 'SELECT models, decks FROM col')[0] ?? ['{}', '{}'];
      for (const v of Object.values(JSON.parse(String(m)) as Record<string, { id: number | string; name: string; type: number; flds: { name: string }[]; tmpls: { qfmt: string }[] }>)) {
        models.set(Number(v.id), { name: v.name, fields: v.flds.map((f) => f.name), qfmts: v.tmpls.map((t) => t.qfmt), cloze: v.type === 1 });
      }
      for (const v of Object.values(JSON.parse(String(d)) as Record<string, { id: number; name: string }>)) decks.set(Number(v.id), v.name);
    }
    const notes = rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').map(([id, guid, mid, tags, flds]) => ({
      id: Number(id),
      guid: String(guid),
      mid: Number(mid),
      tags: String(tags).split(/\s+/).filter(Boolean),
      fields: String(flds).split('\x1f'),
    }));
    const cards = rows(db, 'SELECT id, nid, did, ord FROM cards ORDER BY id').map(([id, nid, did, ord]) => ({ id: Number(id), nid: Number(nid), did: Number(did), ord: Number(ord) }));
    const revlog = rows(db, 'SELECT id, cid, ease, time, type, factor FROM revlog ORDER BY id').map(([id, cid, ease, time, type, factor]) => ({ id: Number(id), cid: Number(cid), ease: Number(ease), time: Number(time), type: Number(type), factor: Number(factor) }));
    return { format, notes, cards, revlog, models, decks, media };
  } finally {
    db.close();
  }
}
