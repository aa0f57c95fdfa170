/**
 * Which rule is tried first, and so wins when two match the same text: provider rules before the
 * catch-all (generic) ones, then a higher priority first (a context rule over the bare format it
 * refines), otherwise the order given. Used at build time and again when a config adds rules.
 */
import type { RuleSpec } from './types';

type Ordered = Pick<RuleSpec, 'generic' | 'priority'>;

/** A comparator for Array.prototype.sort, which is stable: ties keep their given order. */
export function byPrecedence(a: Ordered, b: Ordered): number {
  return Number(!!a.generic) - Number(!!b.generic) || (b.priority ?? 0) - (a.priority ?? 0);
}
