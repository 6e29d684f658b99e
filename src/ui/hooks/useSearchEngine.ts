/** The search engine, loaded on first use (`wanted`): the search screen at once, the card browser once a text filter is typed. */
import { useEffect, useRef, useState } from 'react';
import { frontText } from '../../core/deck/cards.js';
import type { LoadedDeck } from '../../core/deck/types.js';
import { warmUpQueries } from '../../core/search/warmUp.js';
import { useServices, type SearchEngine, type SearchHit } from '../context.js';
import { useShell } from '../shell.js';

/** Queries remembered per engine: what Backspace and a retyped character come back to. */
const REMEMBERED = 32;

const remembering = new WeakMap<SearchEngine, SearchEngine>();

/**
 * The engine with its latest answers remembered. The index is built from the decks, which do not
 * change while the app runs, so a query asked again (Backspace returns to the query before, a
 * second screen searches what the first did) has the same answer: about half the keys of a
 * typed-and-corrected query cost no search (bench/tui.bench.ts). Each call gets its own hits
 * array, as from the engine.
 */
export function rememberingEngine(engine: SearchEngine): SearchEngine {
  let wrapped = remembering.get(engine);
  if (wrapped) return wrapped;
  const answers = new Map<string, ReturnType<SearchEngine['find']>>();
  const find: SearchEngine['find'] = (query, opts = {}) => {
    const key = `${opts.limit ?? ''}\u0000${opts.deckId ?? ''}\u0000${query}`;
    let found = answers.get(key);
    if (found) answers.delete(key);
    else found = engine.find(query, opts);
    // Newest last: the oldest goes first when full.
    answers.set(key, found);
    if (answers.size > REMEMBERED) answers.delete(answers.keys().next().value!);
    return { ...found, hits: [...found.hits] };
  };
  wrapped = { size: engine.size, find, search: (query, opts) => find(query, opts).hits };
  remembering.set(engine, wrapped);
  return wrapped;
}

const warmed = new WeakSet<SearchEngine>();

const readHighlights = (hits: SearchHit[]) => {
  for (const hit of hits) void hit.highlights;
};

/**
 * A few throw-away queries on the engine just loaded (core/search/warmUp.ts), one a turn of the
 * event loop so a key typed meanwhile waits for one query, not all; `show` draws their hits as the
 * screen would (its row code is cold too), else their highlights are read.
 */
export function warmUpEngine(engine: SearchEngine, decks: LoadedDeck[], show: (hits: SearchHit[]) => void = readHighlights): void {
  if (warmed.has(engine)) return;
  warmed.add(engine);
  const card = decks.find((d) => d.deck.cards.length > 0)?.deck.cards[0];
  const queries = card ? warmUpQueries(frontText(card)) : [];
  const next = () => {
    const q = queries.shift();
    if (q === undefined) return;
    show(engine.search(q));
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

/** `show`: how the screen draws hits, run on the warm-up's (see warmUpEngine). */
export function useSearchEngine(wanted = true, show?: (hits: SearchHit[]) => void): SearchEngine | undefined {
  const services = useServices();
  const shell = useShell();
  const [engine, setEngine] = useState<SearchEngine>();
  // The latest: read when the engine arrives, not a reason to load it again.
  const shows = useRef(show);
  shows.current = show;
  useEffect(() => {
    if (!wanted || engine) return;
    let live = true;
    services.loadSearch().then(
      (e) => {
        if (!live) return;
        setEngine(rememberingEngine(e));
        warmUpEngine(e, services.decks, shows.current);
      },
      (e: Error) => live && shell.showError(e.message),
    );
    return () => {
      live = false;
    };
  }, [services, shell, wanted, engine]);
  return engine;
}
