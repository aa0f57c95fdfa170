import type { CommitInfo } from '../sources/fragment';
import type { Severity } from '../rules/types';

/** One secret found on one line. `secret` and `lineText` stay in memory only; reporters redact. */
export interface Finding {
  ruleId: string;
  provider: string;
  slug: string;
  title: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  secret: string;
  /** The whole matched text (for a URL: the URL), used by `fix` and the inventory. */
  matchText: string;
  lineText: string;
  envVars: string[];
  prefix?: string;
  commit?: CommitInfo;
  /** Set when the secret was found inside base64, hex or percent-encoded text. */
  encoding?: string;
  fingerprint: string;
  /** The key goes on past this line (a PEM block): a marker on one line cannot vouch for it. */
  block?: boolean;
  /** Set by --verify: whether the provider says the key still works. */
  liveness?: 'live' | 'revoked' | 'unknown';
}
