/**
 * All the ways to allow a finding, in one place: ignored paths (decided before a file is scanned),
 * then per finding the inline marker, .leakguardignore, the config's allow patterns, and the baseline.
 * Each suppressed finding is counted under its reason so the report can say what was left out.
 */
import path from 'node:path';
import type { Config } from '../config/types';
import type { Finding } from '../engine/finding';
import { allowedInline } from './inline';
import { IGNORE_FILE, readBaseline, readIgnoreFile } from './fingerprints';

export type AllowReason = 'inline' | 'ignore-file' | 'config' | 'baseline';

export interface AllowFilter {
  pathIgnored(file: string): boolean;
  reason(f: Finding): AllowReason | null;
}

export function buildAllowFilter(config: Config, root: string, useBaseline: boolean): AllowFilter {
  const ignored = readIgnoreFile(path.join(root, IGNORE_FILE));
  const baseline = useBaseline ? readBaseline(path.resolve(root, config.baseline)) : new Set<string>();
  const allows = config.allow.map((a) => ({
    rule: a.rule,
    match: a.match ? new RegExp(a.match) : null,
    line: a.line ? new RegExp(a.line) : null,
  }));
  let isMatch: ((p: string) => boolean) | null = null;
  if (config.ignorePaths.length) {
    // micromatch only loads when the config has globs.
    const mm = require('micromatch') as typeof import('micromatch');
    const globs = config.ignorePaths;
    isMatch = (p) => mm.isMatch(p, globs, { dot: true });
  }
  // The baseline and ignore files are scanned like any other file: their names are no hiding place.
  // A baseline written by `leakguard baseline` holds fingerprints and redacted keys only, so it finds nothing.
  return {
    pathIgnored: (file) => isMatch !== null && isMatch(file),
    reason(f) {
      // A multi-line key is not allowed by a marker on one of its lines: use its fingerprint or the config.
      if (!f.block && allowedInline(f.lineText)) return 'inline';
      if (ignored.has(f.fingerprint)) return 'ignore-file';
      for (const a of allows) {
        if (a.rule !== '*' && a.rule !== f.ruleId) continue;
        if ((a.match && a.match.test(f.secret)) || (a.line && a.line.test(f.lineText))) return 'config';
      }
      if (baseline.has(f.fingerprint)) return 'baseline';
      return null;
    },
  };
}
