/** Interface language: --lang, then the saved setting, then LC_ALL / LC_MESSAGES / LANG. No catalogue here: main.ts imports it. */
import type { Settings } from '../../core/schedule/types.js';

export type Lang = 'ko' | 'en';

export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  // POSIX precedence: the first of these that is set wins.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ko(_|\.|$)/i.test(locale) ? 'ko' : 'en';
}

export function chooseLang(flag: string | undefined, setting: Settings['language'] | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'ko' || flag === 'en') return flag;
  if (setting === 'ko' || setting === 'en') return setting;
  return langFromEnv(env);
}
