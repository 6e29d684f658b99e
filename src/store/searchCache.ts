/**
 * Search data on disk: the per-deck derived words (cached under $AMGI_HOME/cache, keyed by the deck's
 * content hash) and the alias files (decks/aliases.json merged with $AMGI_HOME/aliases.json).
 * The cache is best-effort: a stale entry is recomputed, a damaged one (it fails its checksum,
 * sealed.ts) is deleted and recomputed, a failed write is ignored.
 */
import { readdirSync, rmSync } from 'node:fs';
import { readSealed, writeSealed } from './sealed.js';
import { join } from 'node:path';
import type { LoadedDeck } from '../core/deck/types.js';
import {
  DERIVED_VERSION,
  buildSearchIndex,
  type DeckDerived,
  type DerivedCache,
  type SearchIndex,
} from '../core/search/index.js';
import { amgiHome } from './paths.js';
import { loadAliases } from './aliasFiles.js';

export { loadAliases } from './aliasFiles.js';

export function searchCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(amgiHome(env), 'cache');
}

/** The typed arrays travel as base64 of their bytes: a tenth of the parse time of a JSON number list. */
interface DerivedFile {
  version: number;
  fingerprint: string;
  jamo: string[];
  cho: string[];
  pairs: string;
  postStart: string;
  postings: string;
}

function encode(a: Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function decode(s: unknown): Int32Array | undefined {
  if (typeof s !== 'string') return undefined;
  const bytes = Buffer.from(s, 'base64');
  if (bytes.byteLength % 4 !== 0) return undefined;
  // Copied into a buffer of its own: Buffer's pool gives no 4-byte alignment.
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

function fromFile(v: unknown): DeckDerived | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as Partial<DerivedFile>;
  if (d.version !== DERIVED_VERSION || typeof d.fingerprint !== 'string' || !Array.isArray(d.jamo) || !Array.isArray(d.cho)) return undefined;
  const pairs = decode(d.pairs);
  const postStart = decode(d.postStart);
  const postings = decode(d.postings);
  if (!pairs || !postStart || !postings) return undefined;
  // The engine checks the rest (lengths, ranges) before using it.
  return { version: d.version, fingerprint: d.fingerprint, jamo: d.jamo, cho: d.cho, pairs, postStart, postings };
}

/**
 * A DerivedCache keeping one JSON file per deck in `dir`: search-v<version>-<deck>~<content
 * hash>.json. Writing a deck's entry deletes its entries for older contents and every file of
 * another format version, so edits do not pile up files (`~` never occurs in the sanitised id).
 */
export function fileDerivedCache(dir: string): DerivedCache {
  const safe = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, '_');
  const prefix = (deck: string) => `search-v${DERIVED_VERSION}-${safe(deck)}~`;
  const name = (deck: string, hash: string) => `${prefix(deck)}${safe(hash)}.json`;
  return {
    get(deck, hash) {
      const payload = readSealed(join(dir, name(deck, hash)));
      try {
        return payload && fromFile(JSON.parse(payload.toString('utf8')));
      } catch {
        return undefined;
      }
    },
    set(deck, hash, value) {
      try {
        const data: DerivedFile = {
          version: value.version,
          fingerprint: value.fingerprint,
          jamo: value.jamo,
          cho: value.cho,
          pairs: encode(value.pairs),
          postStart: encode(value.postStart),
          postings: encode(value.postings),
        };
        writeSealed(join(dir, name(deck, hash)), JSON.stringify(data));
        const mine = prefix(deck);
        const current = `search-v${DERIVED_VERSION}-`;
        for (const f of readdirSync(dir)) {
          if (!f.startsWith('search-v') || !f.endsWith('.json') || f === name(deck, hash)) continue;
          if (f.startsWith(mine) || !f.startsWith(current)) rmSync(join(dir, f), { force: true });
        }
      } catch {
        // A read-only home only costs the next start a recomputation.
      }
    },
  };
}

/** The search index over `decks` with the alias files and the on-disk cache: what the CLI and the search screen use. */
export function loadSearchIndex(decks: LoadedDeck[], env: NodeJS.ProcessEnv = process.env): { index: SearchIndex; problems: string[] } {
  const { table, problems } = loadAliases(env);
  return { index: buildSearchIndex(decks, { aliases: table, cache: fileDerivedCache(searchCacheDir(env)) }), problems };
}
