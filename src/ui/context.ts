/** What screens get from the shell: the store, the decks, the clock, text and theme. */
import { createContext, useContext } from 'react';
import type { LoadedDeck } from '../core/deck/types.js';
import type { Progress } from '../store/types.js';
import type { Messages, Lang } from './i18n/index.js';
import type { Theme } from './theme.js';

/** The search engine (src/core/search): hits carry [start, end) highlight offsets. */
export type { SearchHit, SearchIndex as SearchEngine, SearchResult } from '../core/search/index.js';
import type { SearchIndex as SearchEngine } from '../core/search/index.js';
import type { AliasKeys } from '../core/quiz/typedAnswer.js';

/** [start, end) offsets into a text. */
export type Range = [number, number];

export interface AppServices {
  progress: Progress;
  decks: LoadedDeck[];
  /** Broken deck files, one formatted line each: shown on Home, never fatal. */
  problems: string[];
  now: () => Date;
  /** Built on first use (the index is not needed for Home). */
  loadSearch: () => Promise<SearchEngine>;
  /** The alias groups as the answer judge uses them (loaded on first use; none in some tests). */
  answerAliases?: () => AliasKeys;
  /** The title of the study note a card's `source.seed` names (the seed itself when unknown). */
  seedTitle?: (seed: string) => string;
  /** Work needed soon but not for the first frame: started just after it is drawn. */
  warmUp?: () => void;
}

export interface Ui {
  messages: Messages;
  lang: Lang;
  /** The --lang flag while it decides the language: from start-up until Settings changes the language. */
  langFlag?: Lang;
  theme: Theme;
  columns: number;
  /** Usable rows: the terminal height minus one, so Ink never redraws the whole screen. */
  rows: number;
}

export const ServicesContext = createContext<AppServices | null>(null);
export const UiContext = createContext<Ui | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside <App>');
  return s;
}

export function useUi(): Ui {
  const u = useContext(UiContext);
  if (!u) throw new Error('useUi outside <App>');
  return u;
}
