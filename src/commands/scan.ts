/**
 * `leakguard scan`: pick the source (pipeline/select-source.ts), run it through the pipeline (engine, allow
 * filters: pipeline/run.ts), then report.
 * Returns the exit code: 0 clean, 1 findings.
 */
import fs from 'node:fs';
import { UserError } from '../errors';
import { rulesFor } from '../rules/load';
import { unknownNames } from '../config/unknown-names';
import { buildAllowFilter } from '../allow/filter';
import type { Notice } from '../sources/fragment';
import type { ScanResult, Where } from '../report/result';
import { selectSource } from '../pipeline/select-source';
import { runPipeline } from '../pipeline/run';
import type { Format } from '../report/reporter';
import { openMaybeRepo, openRepo, type RepoContext } from './context';
import { SKIPPED } from '../messages';
import { configWeakening } from '../config/weakening';
import type { Config } from '../config/types';

export interface ScanOptions {
  staged?: boolean;
  prePush?: boolean;
  allHistory?: boolean;
  range?: string;
  stdin?: boolean;
  stdinName?: string;
  paths: string[];
  format: Format;
  output?: string;
  config?: string;
  redact: boolean;
  color: boolean;
  baseline: boolean;
  /** Ask each provider whether the keys found are live (network; off unless asked for). */
  verify?: boolean;
}

function whereOf(o: ScanOptions): Where {
  if (o.staged) return 'staged';
  if (o.prePush) return 'pre-push';
  if (o.allHistory) return 'history';
  if (o.range) return 'range';
  if (o.stdin) return 'stdin';
  return 'files';
}

function skipRequested(): string | null {
  if (process.env.LEAKGUARD_SKIP === '1') return 'LEAKGUARD_SKIP=1';
  const skip = (process.env.SKIP ?? '').split(',').map((s) => s.trim());
  return skip.includes('leakguard') ? 'SKIP=leakguard' : null;
}

/** Scans and returns the result without printing (used by `fix` and `baseline` too). */
export async function collect(
  o: ScanOptions,
): Promise<{ result: ScanResult; ctx: RepoContext & { inRepo?: boolean }; unscanned: Notice[] }> {
  const where = whereOf(o);
  const needsRepo = where === 'staged' || where === 'pre-push' || where === 'history' || where === 'range';
  const ctx = needsRepo ? { ...(await openRepo(o.config)), inRepo: true } : await openMaybeRepo(o.config, o.paths);
  const source = selectSource(
    { where, range: o.range, paths: o.paths, stdinName: o.stdinName },
    { git: ctx.git, root: ctx.root, inRepo: !!ctx.inRepo, defaultSkips: ctx.config.defaultSkips },
  );
  const { result, unscanned } = await runPipeline({ source, where, config: ctx.config, root: ctx.root, baseline: o.baseline });
  return { result, ctx, unscanned };
}

export async function scanCommand(o: ScanOptions): Promise<number> {
  const where = whereOf(o);
  if (where === 'staged' || where === 'pre-push') {
    const skip = skipRequested();
    if (skip) {
      process.stderr.write(`${SKIPPED(skip, where === 'staged' ? 'commit' : 'push')}\n`);
      return 0;
    }
  }
  const { result, ctx, unscanned } = await collect(o);
  sayWeakening(ctx.config, ctx.root, !o.config && (where === 'staged' || where === 'pre-push'));
  if (o.verify && result.findings.length) await (await import('../verify')).verifyAll(result.findings);
  const reporter = (await import('../report/reporter')).reporterFor(o.format);
  if (reporter.forPeople) {
    // The human-facing reports list the files that use each key; the machine formats do not need it.
    if (result.findings.length && ctx.inRepo)
      result.inventory = await (await import('../inventory')).buildInventory(ctx.git, result.findings);
    // A staged or unpushed key that is already pushed is public: the message must say so (one git query, findings only).
    if (result.findings.length && (where === 'staged' || where === 'pre-push')) {
      const pushed = await ctx.git.pushedStrings(result.findings.map((f) => f.secret));
      result.pushed = new Set(result.findings.filter((f) => pushed.has(f.secret)).map((f) => f.fingerprint));
    }
  }
  let text = reporter.render(result, o, { config: ctx.config, version });
  if (o.redact && result.findings.length)
    text = (await import('../report/mask-secrets')).maskSecretsInPaths(text, result.findings, result.inventory);
  if (o.output) fs.writeFileSync(o.output, text);
  else process.stdout.write(text); // git shows a hook's stdout on the terminal too
  if (result.findings.length) return 1;
  if (unscanned.length && (where === 'staged' || where === 'pre-push')) {
    const what = where === 'staged' ? 'commit' : 'push';
    const list =
      unscanned
        .slice(0, 3)
        .map((n) => n.file)
        .join(', ') + (unscanned.length > 3 ? `, and ${unscanned.length - 3} more` : '');
    throw new UserError(
      `this ${what} holds content that could not be scanned (${list}), so it was stopped.`,
      `Check the objects with \`git fsck\`, or add the path to the config's "ignorePaths" if it never holds secrets.`,
    );
  }
  if (where !== 'staged' && where !== 'pre-push') {
    const summary = (await import('../report/summary')).cleanSummary(result);
    if (summary) process.stderr.write(`${summary}\n`);
  }
  return 0;
}

/**
 * A config that switches checks off says so on every scan; a repository config that checks nothing stops the
 * hooks (exit 2). One given with --config is the caller's own choice: it is only warned about.
 */
function sayWeakening(config: Config, root: string, hook: boolean): void {
  if (!config.source) return; // no config file: nothing turned off, and nothing to read again on a commit
  const w = configWeakening(config, rulesFor(config).length, buildAllowFilter(config, root, false).pathIgnored);
  if (w.note) process.stderr.write(`${w.note}\n`);
  const unknown = unknownNames(config, rulesFor({ ...config, builtinRules: true, disableRules: [], disableProviders: [] }));
  if (unknown.length)
    process.stderr.write(`leakguard: the config names ${unknown.join(', ')}, which no rule has (\`leakguard rules\` lists them)\n`);
  if (!w.allOff) return;
  if (hook)
    throw new UserError(
      `${w.allOff.replace(/^leakguard: /, '')}, so nothing would be checked and it was stopped.`,
      'Fix the config (docs/config.md); to skip leakguard once on purpose, use git commit --no-verify.',
    );
  process.stderr.write(`${w.allOff}\n`);
}

export function version(): string {
  return (require('../../../package.json') as { version: string }).version;
}
