/** The search engine, loaded on first use (`wanted`): the search screen at once, the card browser once a text filter is typed. */
import { useEffect, useState } from 'react';
import { useServices, type SearchEngine } from '../context.js';
import { useShell } from '../shell.js';

export function useSearchEngine(wanted = true): SearchEngine | undefined {
  const services = useServices();
  const shell = useShell();
  const [engine, setEngine] = useState<SearchEngine>();
  useEffect(() => {
    if (!wanted || engine) return;
    let live = true;
    services.loadSearch().then(
      (e) => live && setEngine(e),
      (e: Error) => live && shell.showError(e.message),
    );
    return () => {
      live = false;
    };
  }, [services, shell, wanted, engine]);
  return engine;
}
