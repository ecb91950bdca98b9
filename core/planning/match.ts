import type { Programme } from '../model/catalogue';
import type { Phase } from '../model/vocabulary';

/**
 * Level fit (framework guide §6: a programme suits a capability "at about fromLevel" and helps
 * move it "towards toLevel"): the capability must already be at fromLevel or above, counting
 * whole levels reached (floor of the mean score), and the programme must reach above the score,
 * i.e. it can still lift the capability. Score 1.5 → fits 1→3, not 2→4; score 2.0 → fits 2→4.
 */
export function fitsLevel(programme: Pick<Programme, 'fromLevel' | 'toLevel'>, score: number): boolean {
  return programme.fromLevel <= Math.floor(score) && programme.toLevel > score;
}

const phaseOrder: readonly Phase[] = ['short', 'medium', 'long'];

/**
 * Roadmap phase of one catalogue match: the later of what the programme's size needs and what
 * the gap needs.
 *   effort: S → short (within a year), M → medium (1–3 years), L → long (beyond 3 years);
 *   gap:    ≤ 1 level → short, ≤ 2 levels → medium, more → long.
 * A year-long programme cannot finish within a year however small the gap, and a capability
 * far below its target needs groundwork before even a short course pays off. Depends only on
 * (effort, gap), so the same inputs always give the same phase.
 */
export function phaseFor(effort: Programme['effort'], gap: number): Phase {
  const byEffort = effort === 'S' ? 0 : effort === 'M' ? 1 : 2;
  const byGap = gap <= 1 ? 0 : gap <= 2 ? 1 : 2;
  return phaseOrder[Math.max(byEffort, byGap)]!;
}
