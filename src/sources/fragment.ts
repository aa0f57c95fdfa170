/** What every source yields and the engine reads: the added lines of one file, with where they came from. */
export interface CommitInfo {
  sha: string;
  author: string;
  date: string;
}

export interface Fragment {
  /** Path relative to the repo root (or as given, for files outside a repo). */
  file: string;
  /** The added lines, without their line ends. */
  lines: string[];
  /** 1-based line number of each entry of `lines`, in the scanned version of the file. */
  lineNumbers: number[];
  /**
   * Where each entry starts in its line (0 unless a very long line was read in pieces): a finding's
   * column counts from the start of the line, not of the piece.
   */
  columnOffsets?: number[];
  commit?: CommitInfo;
}

/** Something a source passed over and the user should hear about (binary, too big, a submodule...). */
export interface Notice {
  file: string;
  reason: string;
  /** Set when content that leaves the machine could not be scanned: the hooks refuse (exit 2) unless the path is allowed. */
  unscanned?: boolean;
}

export interface SourceStats {
  filesScanned: number;
  linesScanned: number;
  commitsScanned: number;
  /** Of those, the commits an earlier audit found clean (history-cache.ts): not read again this time. */
  commitsKnownClean?: number;
}

export type Emit = (f: Fragment) => void;
