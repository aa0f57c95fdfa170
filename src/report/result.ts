import type { AllowReason } from '../allow/filter';
import type { Finding } from '../engine/finding';
import type { Notice, SourceStats } from '../sources/fragment';

/** Where the scanned lines are: it decides how urgent a finding is and what the user should do first. */
export type Where = 'staged' | 'pre-push' | 'history' | 'range' | 'files' | 'stdin';

export interface ScanResult {
  where: Where;
  findings: Finding[];
  suppressed: Partial<Record<AllowReason, number>>;
  notices: Notice[];
  stats: SourceStats & { ms: number };
  /** Files that read each provider's environment variables or hold the same secret (text output only). */
  inventory?: Map<string, string[]>;
  /** Fingerprints of staged or unpushed keys whose value is already reachable from a remote-tracking ref (text output only). */
  pushed?: Set<string>;
}

export interface ReportOptions {
  redact: boolean;
  color: boolean;
}
