/** Interface language: --lang, then the saved setting, then LC_ALL / LC_MESSAGES / LANG. */
import { en, type Messages } from './en.js';
import { ko } from './ko.js';

import type { Lang } from './lang.js';
export type { Messages };

export { chooseLang, langFromEnv, type Lang } from './lang.js';

export function messagesFor(lang: Lang): Messages {
  return lang === 'ko' ? ko : en;
}
