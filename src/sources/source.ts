/**
 * What every source is to the pipeline: something that yields fragments (the added lines of one file,
 * with where they came from, see fragment.ts) and notes what it passed over. A source knows nothing of
 * rules: the pipeline (src/pipeline/run.ts) takes each fragment through the engine, the allow filters
 * and a reporter. A new source is one file here and one case in src/pipeline/select-source.ts.
 */
import type { Finding } from '../engine/finding';
import type { Rule } from '../rules/types';
import type { Emit, Fragment, Notice, SourceStats } from './fragment';

/**
 * A first look for a source that reads far more than it will report (a whole history): which blobs and
 * commits are worth reading as the user sees them. Neither says what was found.
 */
export interface Probe {
  /** Whether a text's bytes could hold anything the rules look for: false means nothing is there. */
  mayHold(bytes: Buffer, counted?: { lines: number }): boolean;
  /**
   * Changes whenever what these answers could be changes (the rules in effect, the paths ignored,
   * leakguard's build): what was judged under one signature is trusted only under the same one. Empty
   * when there is no build id to trust.
   */
  signature(): string;
  /** Whether a rule about file names (a .p12 key store, an id_rsa) names this path, whatever it holds. */
  fileNamed(path: string): boolean;
  /** Whether some of `f`'s lines alone could be read otherwise than all of them (a PEM block, wrapped base64...). */
  readsAcrossLines(f: Fragment): boolean;
  /** Whether the rules find anything in `f`, allowed findings included (they are counted); false for an ignored path. */
  finds(f: Fragment): boolean;
}

export interface SourceContext {
  /** What the source passed over (binary, too big, unreadable...), for the report and the hooks. */
  notices: Notice[];
  /** Whether the user ignores this path: its content need not be read. */
  ignored(rel: string): boolean;
  /** For a source that also scans on other threads (a large directory): the rules those threads run... */
  rules(): Rule[];
  /** ...and where their findings go, in the order the source gives them. */
  found(f: Finding): void;
  probe: Probe;
}

export interface Source {
  /** Yields every fragment through `emit`; resolves with the counts once the last one is out. */
  fragments(emit: Emit, ctx: SourceContext): Promise<SourceStats>;
}
