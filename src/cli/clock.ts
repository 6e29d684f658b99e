import { UsageError } from '../core/errors.js';
import { cliText } from '../core/messages.js';

/** AMGI_NOW (an ISO date-time) replaces the clock, so tests and users can simulate days passing. */
export function clockFromEnv(env: NodeJS.ProcessEnv): () => Date {
  const fixed = env.AMGI_NOW;
  if (!fixed) return () => new Date();
  const t = Date.parse(fixed);
  if (Number.isNaN(t)) throw new UsageError(cliText().errors.amgiNow(fixed));
  // The fixed instant plus the time since start, so durations inside a session still tick.
  const started = Date.now();
  return () => new Date(t + (Date.now() - started));
}
