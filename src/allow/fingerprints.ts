/**
 * Fingerprint lists: .leakguardignore (one per line, # comments) and the baseline file written by
 * `leakguard baseline` (JSON). Both are keyed by the finding's stable fingerprint.
 */
import { UserError } from '../errors';
import { readUserFile } from '../read-user-file';

export const IGNORE_FILE = '.leakguardignore';

export function readIgnoreFile(file: string): Set<string> {
  const text = readUserFile(file, 'the ignore file');
  if (text === null) return new Set();
  return new Set(
    text
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  match: string;
  commit?: string;
}
export interface BaselineFile {
  version: 1;
  createdAt: string;
  findings: BaselineEntry[];
}

export function readBaseline(file: string): Set<string> {
  const text = readUserFile(file, 'the baseline');
  if (text === null) return new Set();
  try {
    const b = JSON.parse(text) as BaselineFile;
    if (!Array.isArray(b.findings)) throw new Error('no "findings" list');
    return new Set(b.findings.map((f) => f.fingerprint));
  } catch (e) {
    throw new UserError(
      `${file}: not a leakguard baseline (${(e as Error).message})`,
      'Write it again with `leakguard baseline`, or pass --no-baseline.',
    );
  }
}
