/**
 * Runs a source through the pipeline in this process (no CLI start-up per case), as lint-staged's
 * integration helpers do: the same selectSource and runPipeline the CLI uses, on a real temp repo. It loads
 * the built modules (npm test builds first), which find the compiled rules beside them.
 * End-to-end CLI runs stay for what only they show (exit codes, output, hooks).
 */
import path from 'node:path';
import type { SourceOptions } from '../../src/pipeline/select-source';
import type { PipelineOutput } from '../../src/pipeline/run';
import { ROOT } from './cli';

const built = (m: string) => require(path.join(ROOT, 'dist', 'src', m)) as unknown;
const { Git } = built('git') as typeof import('../../src/git');
const { loadConfig } = built('config/load') as typeof import('../../src/config/load');
const { selectSource } = built('pipeline/select-source') as typeof import('../../src/pipeline/select-source');
const { runPipeline } = built('pipeline/run') as typeof import('../../src/pipeline/run');

export async function scanRepo(root: string, where: SourceOptions['where'], opts: Partial<SourceOptions> = {}): Promise<PipelineOutput> {
  const config = loadConfig(undefined, root);
  const source = selectSource({ where, paths: [], ...opts }, { git: new Git(root), root, inRepo: true, defaultSkips: config.defaultSkips });
  return runPipeline({ source, where, config, root, baseline: true });
}

/** The files of the findings, sorted. */
export async function foundIn(root: string, where: SourceOptions['where'], opts: Partial<SourceOptions> = {}): Promise<string[]> {
  return (await scanRepo(root, where, opts)).result.findings.map((f) => f.file).sort();
}
