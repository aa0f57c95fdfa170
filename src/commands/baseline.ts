/**
 * `leakguard baseline`: record every current finding (all history plus the files on disk) by
 * fingerprint, redacted, in .leakguard-baseline.json. Later scans report only what is not in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collect, type ScanOptions } from './scan';
import { redact } from '../engine/redact';
import type { BaselineFile } from '../allow/fingerprints';
import { openRepo } from './context';
import { UserError } from '../errors';
import { safeTarget, safeWrite } from '../safe-write';

/** The baseline file, which must lie inside the repository (also after symlinks): leakguard never writes outside it. */
export function baselinePathInside(root: string, setting: string): string {
  const file = path.resolve(root, setting);
  const realRoot = fs.realpathSync(root);
  let probe = file;
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  const real = path.join(fs.realpathSync(probe), path.relative(probe, file));
  for (const [base, f] of [
    [root, file],
    [realRoot, real],
  ]) {
    const rel = path.relative(base, f);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UserError(
        `the "baseline" setting ("${setting}") is outside the repository; leakguard writes only inside it: use a path in the repository.`,
      );
    }
  }
  return file;
}

export async function baselineCommand(o: ScanOptions): Promise<number> {
  const pre = await openRepo(o.config);
  const file = baselinePathInside(pre.root, pre.config.baseline);
  safeTarget(pre.root, file); // not a link either: checked before the long scan
  const base = { ...o, baseline: false, staged: false, prePush: false, range: undefined, stdin: false };
  const history = await collect({ ...base, allHistory: true, paths: [] });
  const files = await collect({ ...base, allHistory: false, paths: ['.'] });
  const seen = new Map<string, BaselineFile['findings'][number]>();
  for (const f of [...history.result.findings, ...files.result.findings]) {
    if (!seen.has(f.fingerprint))
      seen.set(f.fingerprint, {
        fingerprint: f.fingerprint,
        ruleId: f.ruleId,
        file: f.file,
        match: redact(f.secret, f.prefix),
        ...(f.commit ? { commit: f.commit.sha } : {}),
      });
  }
  const out: BaselineFile = { version: 1, createdAt: new Date().toISOString(), findings: [...seen.values()] };
  safeWrite(pre.root, file, JSON.stringify(out, null, 2) + '\n');
  process.stdout.write(
    `leakguard: recorded ${seen.size} finding${seen.size === 1 ? '' : 's'} in ${path.relative(process.cwd(), file) || file}.\n` +
      `Commit it: scans now report only secrets that are not in it (use --no-baseline to see all).\n` +
      (seen.size ? `The recorded keys are still exposed in history: rotate them when you can (leakguard explain RULE_ID).\n` : ''),
  );
  return 0;
}
