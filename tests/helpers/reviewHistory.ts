import type { AnswerEntry, Grade } from '../../src/core/schedule/types.js';

/** `cards` cards reviewed `per` times each at growing day gaps, mostly passed (seeded: the same every run). */
export function reviewHistory(cards: number, per: number): AnswerEntry[] {
  const out: AnswerEntry[] = [];
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let c = 0; c < cards; c++) {
    let t = Date.UTC(2025, 0, 1, 3) + c * 60_000;
    for (let i = 0; i < per; i++) {
      const grade = (rand() < 0.15 ? 1 : rand() < 0.2 ? 2 : rand() < 0.9 ? 3 : 4) as Grade;
      out.push({ v: 1, id: `h${c}-${i}`, at: new Date(t).toISOString(), op: 'answer', key: `c${c}`, deck: 'd', grade, ms: 1000, kind: 'review', reschedule: true });
      t += Math.round((1 + i * 2 + rand() * 3) * 86_400_000);
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
