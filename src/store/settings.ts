/**
 * Settings in `$AMGI_HOME/settings.json`, through conf (atomic writes, versioned migrations).
 * Reading a current-version file takes a plain JSON.parse, so `amgi status` never constructs
 * conf (which re-reads and validates the whole file on every access: GUIDE §3). conf is used
 * for migrations and every write. A file that cannot be parsed is moved aside, never overwritten.
 */
import type Conf from 'conf';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { StoreError } from '../core/errors.js';
import { fsCause, msg } from '../core/messages.js';
import { dirname, join } from 'node:path';
import { syncDirOf } from './syncConfig.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/schedule/types.js';
import { SETTINGS_VERSION, settingsMigrations } from './migrations.js';
import { moveAside } from './recover.js';

export const SETTINGS_FILE = 'settings.json';

/**
 * Settings are the learner's (limits, retention, language, FSRS weights), not the machine's: with
 * sync on they live in the sync folder, so every machine schedules alike. Per-machine things
 * (the device id, the sync folder itself) are in $AMGI_HOME/sync.json.
 */
export function settingsPath(home: string): string {
  return join(syncDirOf(home)?.dir ?? home, SETTINGS_FILE);
}

const num = (v: unknown, min: number, max: number, int: boolean): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!int || Number.isInteger(v)) ? v : undefined;

/** Settings from a raw object: each valid field kept, each invalid one replaced by its default (and named). */
export function sanitizeSettings(raw: Record<string, unknown>): { settings: Settings; invalid: string[] } {
  const invalid: string[] = [];
  const pick = <K extends keyof Settings>(key: K, value: Settings[K] | undefined): Settings[K] => {
    if (value === undefined && raw[key] !== undefined) invalid.push(key);
    return value ?? DEFAULT_SETTINGS[key];
  };
  const s: Settings = {
    retention: pick('retention', num(raw.retention, 0.7, 0.99, false)),
    maximumInterval: pick('maximumInterval', num(raw.maximumInterval, 1, 36500, true)),
    newPerDay: pick('newPerDay', num(raw.newPerDay, 0, 9999, true)),
    reviewsPerDay: pick('reviewsPerDay', num(raw.reviewsPerDay, 0, 99999, true)),
    newPerDayAll: pick('newPerDayAll', num(raw.newPerDayAll, 0, 9999, true)),
    reviewsPerDayAll: pick('reviewsPerDayAll', num(raw.reviewsPerDayAll, 0, 99999, true)),
    dayStartHour: pick('dayStartHour', num(raw.dayStartHour, 0, 23, true)),
    leechThreshold: pick('leechThreshold', num(raw.leechThreshold, 0, 999, true)),
    thinkSeconds: pick('thinkSeconds', num(raw.thinkSeconds, 5, 3600, true)),
    language: pick('language', (['auto', 'ko', 'en'] as const).find((l) => l === raw.language)),
    typeAnswers: pick('typeAnswers', typeof raw.typeAnswers === 'boolean' ? raw.typeAnswers : undefined),
  };
  const w = raw.weights;
  if (Array.isArray(w) && w.length >= 17 && w.every((x) => typeof x === 'number' && Number.isFinite(x))) s.weights = w;
  else if (w !== undefined) invalid.push('weights');
  const isRecord = (o: unknown): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o);
  const dates = raw.interviewDates;
  if (dates && typeof dates === 'object' && Object.values(dates).every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    s.interviewDates = dates as Record<string, string>;
  } else if (dates !== undefined) invalid.push('interviewDates');
  const pickers = raw.pickers;
  if (isRecord(pickers) && Object.values(pickers).every((p) => isRecord(p) && Object.values(p).every((v) => typeof v === 'string'))) {
    s.pickers = pickers as Record<string, Record<string, string>>;
  } else if (pickers !== undefined) invalid.push('pickers');
  const plan = raw.plan;
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  if (isRecord(plan) && typeof plan.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(plan.until) && optionalString(plan.deckId) && optionalString(plan.tag)) {
    s.plan = { until: plan.until, ...(plan.deckId === undefined ? {} : { deckId: plan.deckId as string }), ...(plan.tag === undefined ? {} : { tag: plan.tag as string }) };
  } else if (plan !== undefined) invalid.push('plan');
  return { settings: s, invalid };
}

/** Whether a file's settings version is later than ours ("9.0.0" > "1.0.0"); an unreadable one is not. */
export function isNewerVersion(version: unknown, ours = SETTINGS_VERSION): boolean {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : undefined);
  const theirs = typeof version === 'string' ? parse(version) : undefined;
  const mine = parse(ours)!;
  if (!theirs) return false;
  for (let i = 0; i < Math.max(theirs.length, mine.length); i++) {
    const d = (theirs[i] ?? 0) - (mine[i] ?? 0);
    if (d) return d > 0;
  }
  return false;
}

/**
 * The two settings a command needs before anything opens (the language of its output, the day
 * start that decides whether `--until` has passed), read without moving, migrating or
 * complaining: a file that cannot be read gives the defaults, and the store reports it later.
 */
export function peekSettings(home: string): Pick<Settings, 'language' | 'dayStartHour'> {
  let raw: Record<string, unknown> = {};
  try {
    const file = settingsPath(home);
    // A pipe named settings.json would block the read forever: only a regular file is read.
    if (!statSync(file).isFile()) return { language: DEFAULT_SETTINGS.language, dayStartHour: DEFAULT_SETTINGS.dayStartHour };
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
  } catch {
    // No settings yet, or unreadable: the defaults.
  }
  const { language, dayStartHour } = sanitizeSettings({ language: raw.language, dayStartHour: raw.dayStartHour }).settings;
  return { language, dayStartHour };
}

/**
 * Whether opening the settings needs conf now: only a settings.json of an older layout is migrated
 * (by conf) when it is read. A current or newer file, none, or one that cannot be read (it is moved
 * aside, not migrated) opens without it.
 */
export function settingsNeedMigration(home: string): boolean {
  try {
    const file = settingsPath(home);
    if (!statSync(file).isFile()) return false;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { __internal__?: { migrations?: { version?: string } } } | null;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
    const version = parsed.__internal__?.migrations?.version;
    return version !== SETTINGS_VERSION && !isNewerVersion(version);
  } catch {
    return false;
  }
}

export interface SettingsStore {
  readonly settings: Settings;
  readonly notices: string[];
  save(patch: Partial<Settings>): Settings;
}

let confCtor: typeof Conf | undefined;

/**
 * conf (with ajv, ~400 KB of code) is not imported statically: parsing it cost ~20 ms of every
 * `amgi status`, which only reads settings. The modules that write settings (progress.ts: the
 * study screens, optimize) load it ahead with preloadConf, as its own chunk.
 */
export async function preloadConf(): Promise<void> {
  confCtor ??= (await import('conf')).default;
}

/** conf, loaded synchronously when no preload happened (a read-only command meeting an old settings file). */
function confClass(): typeof Conf {
  return (confCtor ??= (createRequire(import.meta.url)('conf') as typeof import('conf')).default);
}

function openConf(home: string, Conf = confClass()): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    projectName: 'amgi',
    projectSuffix: '',
    cwd: dirname(settingsPath(home)),
    configName: 'settings',
    projectVersion: SETTINGS_VERSION,
    migrations: settingsMigrations(home),
  });
}

function storeValues(conf: Conf<Record<string, unknown>>): Record<string, unknown> {
  const { __internal__: _, ...rest } = conf.store;
  return rest;
}

/**
 * The settings file's values: as written (this version's file, or a newer amgi's: then read-only),
 * migrated by conf (an older layout), or none (no file, or one that was moved aside as unreadable).
 */
function readSettingsFile(home: string, file: string, notices: string[], moveBad: (why: string) => void): { raw: Record<string, unknown>; conf?: Conf<Record<string, unknown>>; newer: boolean } {
  const none = { raw: {}, newer: false };
  if (!existsSync(file)) return none;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    moveBad(msg().settingsNotJson);
    return none;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    moveBad(msg().settingsNotObject);
    return none;
  }
  const version = (parsed as { __internal__?: { migrations?: { version?: string } } }).__internal__?.migrations?.version;
  const newer = isNewerVersion(version);
  if (version === SETTINGS_VERSION || newer) {
    // A newer amgi's file is read as it is, never migrated (conf would stamp it with our older
    // version) and never saved over: that amgi would re-run its migrations on migrated data.
    const { __internal__: _, ...rest } = parsed as Record<string, unknown>;
    if (newer) notices.push(msg().settingsNewer(file, String(version), SETTINGS_VERSION));
    return { raw: rest, newer };
  }
  // An older layout: conf runs the migrations and writes the result. Loading conf is
  // outside the try: failing to load it is no reason to move the user's file aside.
  const Conf = confClass();
  try {
    const conf = openConf(home, Conf);
    return { raw: storeValues(conf), conf, newer };
  } catch (e) {
    moveBad(fsCause(e));
    return none;
  }
}

export function openSettings(home: string, now: () => Date): SettingsStore {
  const file = settingsPath(home);
  const notices: string[] = [];
  const moveBad = (why: string) => {
    const backup = moveAside(file, now());
    notices.push(msg().settingsUnreadable(why, backup));
  };
  const read = readSettingsFile(home, file, notices, moveBad);
  const { raw, newer } = read;
  let conf = read.conf;
  const { settings, invalid } = sanitizeSettings(raw);
  // A newer file's values may be valid there: the one notice above covers them.
  if (invalid.length && !newer) notices.push(msg().settingsInvalid(invalid));
  let current = settings;
  return {
    get settings() {
      return current;
    },
    notices,
    save(patch) {
      if (newer) throw new StoreError(msg().settingsReadOnly(file), file);
      const next = sanitizeSettings({ ...current, ...patch });
      if (next.invalid.length) throw new StoreError(`invalid setting: ${next.invalid.join(', ')}`, settingsPath(home));
      conf ??= openConf(home);
      // One write for the whole patch: conf rewrites the file on every set, and a kill between
      // two sets would keep half a change.
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const removed = new Set(Object.entries(patch).flatMap(([k, v]) => (v === undefined ? [k] : [])));
      // Keys set and keys removed (`plan: undefined`) in that one write too.
      if (removed.size) conf.store = { ...Object.fromEntries(Object.entries(conf.store).filter(([k]) => !removed.has(k))), ...defined };
      else if (Object.keys(defined).length) conf.set(defined);
      current = next.settings;
      return current;
    },
  };
}
