/**
 * Item states kept as rows of numbers (decoded from the snapshot) and turned into ItemState objects
 * only when a caller touches one. Start-up at 100k cards then allocates a dozen arrays instead
 * of 100k objects (parse, decode and GC were most of the load time). To every caller it is a
 * Map<string, ItemState>; `peekItem` reads a state without building it (queue building).
 */
import type { ItemState } from './ledger.js';

/** The numeric fields of a state, in their order within a row. */
export const ROW_FIELDS = ['deck', 'due', 's', 'd', 'el', 'sch', 'step', 'reps', 'lapses', 'st', 'last', 'ld', 'la'] as const;
export const ROW_WIDTH = ROW_FIELDS.length;
/** Where each field sits within a row: `rows[r * ROW_WIDTH + FIELD.due]`. */
export const FIELD = Object.fromEntries(ROW_FIELDS.map((f, i) => [f, i])) as Record<(typeof ROW_FIELDS)[number], number>;

/**
 * The states as rows of one Float64Array, row-major: reading a state touches two cache lines,
 * where one array per field (the file's layout) cost a cache miss per field at random keys.
 * `deck` is an index into `decks`; `last`, `ld` and `la` are NaN where the state has none.
 */
export interface ItemRows {
  keys: string[];
  decks: string[];
  rows: Float64Array;
}

/** Row marks: still only in the rows, replaced by an object, deleted. */
const IN_ROWS = 0;
const OBJECT = 1;
const GONE = 2;

/** The state of row `r`, as a new object (no `last` / `ld` when absent, as a replay builds it). */
export function rowState(t: ItemRows, r: number): ItemState {
  const v = t.rows;
  const o = r * ROW_WIDTH;
  const s: ItemState = { deck: t.decks[v[o]!]!, due: v[o + 1]!, s: v[o + 2]!, d: v[o + 3]!, el: v[o + 4]!, sch: v[o + 5]!, step: v[o + 6]!, reps: v[o + 7]!, lapses: v[o + 8]!, st: v[o + 9]! };
  const last = v[o + 10]!;
  if (!Number.isNaN(last)) s.last = last;
  const ld = v[o + 11]!;
  if (!Number.isNaN(ld)) s.ld = ld;
  const la = v[o + 12]!;
  if (!Number.isNaN(la)) s.la = la;
  return s;
}

/** Write `s` into row `r` of `rows` (the inverse of rowState); `deck`: its index into the deck list. */
export function writeRow(rows: Float64Array, r: number, s: ItemState, deck: number): void {
  const o = r * ROW_WIDTH;
  rows[o] = deck;
  rows[o + 1] = s.due;
  rows[o + 2] = s.s;
  rows[o + 3] = s.d;
  rows[o + 4] = s.el;
  rows[o + 5] = s.sch;
  rows[o + 6] = s.step;
  rows[o + 7] = s.reps;
  rows[o + 8] = s.lapses;
  rows[o + 9] = s.st;
  rows[o + 10] = s.last ?? NaN;
  rows[o + 11] = s.ld ?? NaN;
  rows[o + 12] = s.la ?? NaN;
}

/**
 * A row seen as an ItemState, each field read from the numbers when asked for: the queue scan
 * reads three or four fields of each of 10k–100k rows, and filling a whole object per row (with
 * a fresh heap number for every double until the code is optimised) was 4 ms of the 10k-card
 * `amgi status`. Flags are never in rows (rows with them are built as objects).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the merged ItemState fields are real getters, defined on the prototype below.
class RowView {
  /** Offset of the row in `t.rows`. */
  o = 0;
  constructor(readonly t: ItemRows) {}
}
// Its ItemState fields are the getters defined on the prototype below.
interface RowView extends ItemState {}
ROW_FIELDS.forEach((field, j) => {
  const get =
    field === 'deck'
      ? function (this: RowView) {
          return this.t.decks[this.t.rows[this.o]!];
        }
      : field === 'last' || field === 'ld' || field === 'la'
        ? function (this: RowView) {
            const v = this.t.rows[this.o + j]!;
            return Number.isNaN(v) ? undefined : v;
          }
        : function (this: RowView) {
            return this.t.rows[this.o + j];
          };
  Object.defineProperty(RowView.prototype, field, { get });
});

/**
 * A Map by type, so every caller of `ledger.items` works unchanged; its entries live in the rows
 * and in `objects` (states built or set since), never in the Map's own storage: every Map method
 * is overridden. Iteration: rows in order, then keys added since.
 */
export class ItemTable extends Map<string, ItemState> {
  private readonly objects = new Map<string, ItemState>();
  private readonly data: ItemRows;
  private readonly rowOf = new Map<string, number>();
  private readonly mark: Uint8Array;
  /** Rows still marked IN_ROWS. */
  private inRows: number;
  /** Reused by `peek` for rows not yet built: one object, not one per read. */
  private readonly scratch: RowView;

  /** `objects`: rows whose state needs more than the numbers (flags, undo data), already built. */
  constructor(data: ItemRows, objects: Iterable<[number, ItemState]> = []) {
    super();
    this.data = data;
    const n = data.keys.length;
    if (data.rows.length !== n * ROW_WIDTH) throw new Error('rows and keys differ');
    for (let r = 0; r < n; r++) this.rowOf.set(data.keys[r]!, r);
    if (this.rowOf.size !== n) throw new Error('duplicate keys');
    this.mark = new Uint8Array(n);
    this.inRows = n;
    this.scratch = new RowView(data);
    for (const [r, s] of objects) this.adopt(r, s);
  }

  private adopt(r: number, s: ItemState): ItemState {
    if (this.mark[r] === IN_ROWS) this.inRows--;
    this.mark[r] = OBJECT;
    this.objects.set(this.data.keys[r]!, s);
    return s;
  }

  override get size(): number {
    return this.objects.size + this.inRows;
  }

  override has(key: string): boolean {
    const r = this.rowOf.get(key);
    return r === undefined ? this.objects.has(key) : this.mark[r] !== GONE;
  }

  override get(key: string): ItemState | undefined {
    const r = this.rowOf.get(key);
    if (r === undefined) return this.objects.get(key);
    const m = this.mark[r];
    // Built once, then kept: the same key gives the same object, as in a Map.
    return m === IN_ROWS ? this.adopt(r, rowState(this.data, r)) : m === OBJECT ? this.objects.get(key) : undefined;
  }

  /**
   * The state of `key` without building an object for a row not yet built: the answer is then a
   * shared scratch object, valid until the next `peek`. Read it at once; never keep or change it.
   * `row`: from `rowIndex(key)`, saves the key lookup (rows never move).
   */
  peek(key: string, row = -1): ItemState | undefined {
    const r = row >= 0 && this.data.keys[row] === key ? row : this.rowOf.get(key);
    if (r === undefined) return this.objects.get(key);
    const m = this.mark[r];
    return m === IN_ROWS ? this.peekRow(r) : m === OBJECT ? this.objects.get(key) : undefined;
  }

  /**
   * For a loop that reads the numbers itself (the queue scan: one pass over 10k–100k items with
   * no call per item): the row of each item's key, -1 for a key with no state, -2 for one whose
   * state is an object (read it with `peek`). Rows hold no flags: a suspended or buried state,
   * or one with undo data, is always an object.
   */
  rowsOf(items: readonly { key: string }[]): Int32Array {
    const out = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const key = items[i]!.key;
      const r = this.rowOf.get(key);
      out[i] = r === undefined ? (this.objects.has(key) ? -2 : -1) : this.mark[r] === IN_ROWS ? r : this.mark[r] === OBJECT ? -2 : -1;
    }
    return out;
  }

  /** The rows (see rowsOf and FIELD); never written through. */
  get numbers(): Float64Array {
    return this.data.rows;
  }

  /** The row of `key`, or -1 (a key added since the snapshot). */
  rowIndex(key: string): number {
    return this.rowOf.get(key) ?? -1;
  }

  /** The entry of `key` as `rawEntries` gives it: a row number while the row is not built. */
  raw(key: string): ItemState | number | undefined {
    const r = this.rowOf.get(key);
    if (r === undefined) return this.objects.get(key);
    const m = this.mark[r];
    return m === IN_ROWS ? r : m === OBJECT ? this.objects.get(key) : undefined;
  }

  /** Row `r` as the scratch view (see `peek`): its fields are read from the row when asked for. */
  peekRow(r: number): ItemState {
    this.scratch.o = r * ROW_WIDTH;
    return this.scratch;
  }

  override set(key: string, value: ItemState): this {
    const r = this.rowOf.get(key);
    if (r !== undefined) this.adopt(r, value);
    else this.objects.set(key, value);
    return this;
  }

  override delete(key: string): boolean {
    const r = this.rowOf.get(key);
    if (r !== undefined && this.mark[r] !== GONE) {
      if (this.mark[r] === IN_ROWS) this.inRows--;
      this.mark[r] = GONE;
      this.objects.delete(key);
      return true;
    }
    return this.objects.delete(key);
  }

  override clear(): void {
    this.objects.clear();
    this.mark.fill(GONE);
    this.inRows = 0;
  }

  /**
   * Every entry, rows in order then keys added since: a row not yet built comes as its row
   * number (read it with `peekRow`), so the snapshot encoder builds no objects.
   */
  *rawEntries(): Generator<[string, ItemState | number]> {
    const keys = this.data.keys;
    for (let r = 0; r < keys.length; r++) {
      if (this.mark[r] === IN_ROWS) yield [keys[r]!, r];
      else if (this.mark[r] === OBJECT) yield [keys[r]!, this.objects.get(keys[r]!)!];
    }
    for (const [key, s] of this.objects.entries()) if (!this.rowOf.has(key)) yield [key, s];
  }

  override *entries(): MapIterator<[string, ItemState]> {
    for (const [key, v] of this.rawEntries()) yield [key, typeof v === 'number' ? this.get(key)! : v];
  }

  override [Symbol.iterator](): MapIterator<[string, ItemState]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    for (const [key] of this.rawEntries()) yield key;
  }

  override *values(): MapIterator<ItemState> {
    for (const [, s] of this.entries()) yield s;
  }

  override forEach(fn: (value: ItemState, key: string, map: Map<string, ItemState>) => void, thisArg?: unknown): void {
    for (const [key, s] of this.entries()) fn.call(thisArg, s, key, this);
  }
}

/**
 * Read a state for a moment (see ItemTable.peek): no object is built for a row of a table.
 * `row`: a hint from `itemRow` for the same map, to skip the key lookup on repeated reads.
 */
export function peekItem(items: ReadonlyMap<string, ItemState>, key: string, row = -1): ItemState | undefined {
  return items instanceof ItemTable ? items.peek(key, row) : items.get(key);
}

/** The row hint for `key` (see peekItem): -1 when `items` is not a table or the key is not a row. */
export function itemRow(items: ReadonlyMap<string, ItemState>, key: string): number {
  return items instanceof ItemTable ? items.rowIndex(key) : -1;
}
