/**
 * Fingerprint lists: .leakguardignore (one per line, # comments) and the baseline file written by
 * `leakguard baseline` (JSON). Both are keyed by the finding's stable fingerprint.
 */
import fs from 'node:fs';
import { UserError } from '../errors';

export const IGNORE_FILE = '.leakguardignore';

export function readIgnoreFile(file: string): Set<string> {
  if (!fs.existsSync(file)) return new Set();
  return new Set(
    fs
      .readFileSync(file, 'utf8')
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
  if (!fs.existsSync(file)) return new Set();
  try {
    const b = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineFile;
    if (!Array.isArray(b.findings)) throw new Error('no "findings" list');
    return new Set(b.findings.map((f) => f.fingerprint));
  } catch (e) {
    throw new UserError(
      `${file}: not a leakguard baseline (${(e as Error).message})`,
      'Write it again with `leakguard baseline`, or pass --no-baseline.',
    );
  }
}
