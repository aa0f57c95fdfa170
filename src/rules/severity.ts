/**
 * The severities, most urgent first, and how each output shows them: the one table that rule validation,
 * the rule types and every reporter read (HTML badge colours, SARIF levels and security-severity scores).
 */
export const SEVERITY = {
  critical: { rank: 0, sarifLevel: 'error', sarifScore: '9.5', colour: '#b3261e' },
  high: { rank: 1, sarifLevel: 'error', sarifScore: '8.0', colour: '#d9661a' },
  medium: { rank: 2, sarifLevel: 'warning', sarifScore: '5.0', colour: '#a68a00' },
  low: { rank: 3, sarifLevel: 'note', sarifScore: '3.0', colour: '#5b6b7f' },
} as const;

export type Severity = keyof typeof SEVERITY;

/** The names, most urgent first. */
export const SEVERITIES = Object.keys(SEVERITY) as Severity[];

/** The entry of a severity; an unknown name (a hand-edited config) counts as high. */
export const severityOf = (s: string) => SEVERITY[s as Severity] ?? SEVERITY.high;
