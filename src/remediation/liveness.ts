/** What `--verify` learnt of a key, in words: the one table the text and HTML reports show. */
import type { Finding } from '../engine/finding';

export type Liveness = NonNullable<Finding['liveness']>;

export const LIVENESS: Record<Liveness, { label: string; says: string; alarm: boolean }> = {
  live: { label: 'LIVE', says: 'the provider accepts this key', alarm: true },
  revoked: { label: 'revoked', says: 'the provider rejects this key', alarm: false },
  unknown: { label: 'liveness unknown', says: '', alarm: false },
};

/** "LIVE: the provider accepts this key", or just the label when there is nothing more to say. */
export const livenessText = (l: Liveness): string => (LIVENESS[l].says ? `${LIVENESS[l].label}: ${LIVENESS[l].says}` : LIVENESS[l].label);
