/** The settings shown on the Settings screen and how ←/→ change each one. Pure. */
import type { Settings } from '../../../core/schedule/types.js';

export type SettingField = 'newPerDayAll' | 'reviewsPerDayAll' | 'newPerDay' | 'reviewsPerDay' | 'retention' | 'dayStartHour' | 'thinkSeconds' | 'typeAnswers' | 'language';
/** The collection-wide limits first: they are what a day of "All decks" holds. */
export const SETTING_FIELDS: readonly SettingField[] = ['newPerDayAll', 'reviewsPerDayAll', 'newPerDay', 'reviewsPerDay', 'retention', 'dayStartHour', 'thinkSeconds', 'typeAnswers', 'language'];

const LANGS: Settings['language'][] = ['auto', 'ko', 'en'];

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The patch for one step of `field` in direction `dir` (+1 / −1); `big`: the modifier key's step (limits: 10). */
export function stepSetting(settings: Settings, field: SettingField, dir: 1 | -1, big = false): Partial<Settings> {
  switch (field) {
    case 'newPerDay':
    case 'reviewsPerDay':
    case 'newPerDayAll':
    case 'reviewsPerDayAll':
      // By 1, so any number is reachable (a step of 5 made 12 impossible); by 10 with the modifier.
      return { [field]: clamp(settings[field] + dir * (big ? 10 : 1), 0, 9999) };
    case 'retention':
      // Whole hundredths: repeated float steps must not drift (0.9 + 0.01 ≠ 0.91 in binary).
      return { retention: clamp(Math.round(settings.retention * 100) + dir, 70, 99) / 100 };
    case 'dayStartHour':
      return { dayStartHour: (settings.dayStartHour + dir + 24) % 24 };
    case 'thinkSeconds':
      // The mock interview's think time, in 15 s steps (the store accepts 5 s to an hour).
      return { thinkSeconds: clamp(Math.round(settings.thinkSeconds / 15) * 15 + dir * 15, 15, 600) };
    case 'typeAnswers':
      return { typeAnswers: !settings.typeAnswers };
    case 'language': {
      const i = LANGS.indexOf(settings.language);
      return { language: LANGS[(i + dir + LANGS.length) % LANGS.length]! };
    }
  }
}

/** The daily limits: the only rows a Shift step (±10) moves further than a plain one. */
export function isLimit(field: SettingField): boolean {
  return field === 'newPerDay' || field === 'reviewsPerDay' || field === 'newPerDayAll' || field === 'reviewsPerDayAll';
}

export interface SettingNames {
  languageValues: Record<Settings['language'], string>;
  onOff: { on: string; off: string };
}

export function formatSetting(settings: Settings, field: SettingField, names: SettingNames): string {
  switch (field) {
    case 'retention':
      return `${Math.round(settings.retention * 100)}%`;
    case 'dayStartHour':
      return `${String(settings.dayStartHour).padStart(2, '0')}:00`;
    case 'thinkSeconds':
      // m:ss, as the countdown shows it.
      return `${Math.floor(settings.thinkSeconds / 60)}:${String(settings.thinkSeconds % 60).padStart(2, '0')}`;
    case 'language':
      return names.languageValues[settings.language];
    case 'typeAnswers':
      return settings.typeAnswers ? names.onOff.on : names.onOff.off;
    default:
      return String(settings[field]);
  }
}
