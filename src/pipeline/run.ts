/**
 * The one way through: a source's fragments go to the engine, its findings to the allow filters, and what
 * is left makes the ScanResult a reporter renders. `scan`, `fix` and `baseline` all come through here;
 * the engine is built once the source has started (its few milliseconds overlap git's work).
 */
import type { Engine } from '../engine/scan';
import type { Finding } from '../engine/finding';
import { buildAllowFilter, type AllowReason } from '../allow/filter';
import type { Emit, Notice } from '../sources/fragment';
import type { Probe, Source } from '../sources/source';
import type { ScanResult, Where } from '../report/result';
import type { Config } from '../config/types';

export interface PipelineInput {
  source: Source;
  where: Where;
  config: Config;
  root: string;
  /** Leave out the findings the baseline file lists. */
  baseline: boolean;
}

export interface PipelineOutput {
  result: ScanResult;
  /** Content that leaves the machine but could not be read, and the user has not allowed: the hooks refuse it. */
  unscanned: Notice[];
}

/** A hash of the build, the rules in effect and the ignored paths: see Probe.signature. */
function probeSignature(rules: Engine['rules'], config: Config): string {
  const { buildId } = require('../rules/load') as typeof import('../rules/load');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const id = buildId();
  if (!id) return '';
  return createHash('sha256')
    .update(id)
    .update(JSON.stringify(rules))
    .update(JSON.stringify(config.ignorePaths))
    .digest('hex')
    .slice(0, 32);
}

export async function runPipeline({ source, where, config, root, baseline }: PipelineInput): Promise<PipelineOutput> {
  const started = Date.now();
  const allow = buildAllowFilter(config, root, baseline);
  const findings: Finding[] = [];
  const suppressed: Partial<Record<AllowReason, number>> = {};
  const notices: Notice[] = [];
  const found = (f: Finding) => {
    // A finding from another thread was scanned whole: a path the user ignores is dropped here.
    if (allow.pathIgnored(f.file)) return;
    const why = allow.reason(f);
    if (why) suppressed[why] = (suppressed[why] ?? 0) + 1;
    else findings.push(f);
  };
  let engine: Engine | undefined;
  // Loaded when first needed: the source starts git first (a history audit's walk is its longest part).
  const build = (): Engine => {
    if (engine) return engine;
    const { Engine: E } = require('../engine/scan') as typeof import('../engine/scan');
    const { builtinPrefilter, rulesFor } = require('../rules/load') as typeof import('../rules/load');
    return (engine = new E(rulesFor(config), builtinPrefilter()));
  };
  const emit: Emit = (frag) => {
    if (!allow.pathIgnored(frag.file)) build().scan(frag, found);
  };
  const probe: Probe = {
    mayHold: (bytes, counted) => build().mayHold(bytes, counted),
    readsAcrossLines: (frag) => !allow.pathIgnored(frag.file) && build().readsAcrossLines(frag),
    signature: () => probeSignature(build().rules, config),
    fileNamed: (path) => !allow.pathIgnored(path) && build().fileNamed(path),
    finds: (frag) => {
      if (allow.pathIgnored(frag.file)) return false;
      let hit = false;
      build().scan(frag, () => (hit = true));
      return hit;
    },
  };
  const running = source.fragments(emit, { notices, ignored: allow.pathIgnored, rules: () => build().rules, found, probe });
  setImmediate(build);
  const stats = await running;
  const unscanned = notices.filter((n) => n.unscanned && !allow.pathIgnored(n.file));
  return { result: { where, findings, suppressed, notices, stats: { ...stats, ms: Date.now() - started } }, unscanned };
}
