/**
 * The spans of one line already reported. When two rules match the same text the earlier rule wins, so
 * a later rule's match that overlaps a reported span is not reported again. Spans are kept sorted and
 * disjoint, and checked by binary search, so a line with many keys costs n log n, not n squared.
 * A rule's own matches come in line order; they are added to a pending list, merged in by commit().
 */
export class Spans {
  private starts: number[] = [];
  private ends: number[] = [];
  private pendingStarts: number[] = [];
  private pendingEnds: number[] = [];

  overlaps(start: number, end: number): boolean {
    const { starts, ends } = this;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && starts[lo] < end) return true;
    const n = this.pendingEnds.length;
    return n > 0 && this.pendingEnds[n - 1] > start && this.pendingStarts[n - 1] < end;
  }

  /** Adds a span after every span added since the last commit(). */
  add(start: number, end: number): void {
    this.pendingStarts.push(start);
    this.pendingEnds.push(end);
  }

  commit(): void {
    if (!this.pendingStarts.length) return;
    const s: number[] = [];
    const e: number[] = [];
    const { starts, ends, pendingStarts: ps, pendingEnds: pe } = this;
    let i = 0;
    let j = 0;
    while (i < starts.length || j < ps.length) {
      if (j >= ps.length || (i < starts.length && starts[i] <= ps[j])) {
        s.push(starts[i]);
        e.push(ends[i++]);
      } else {
        s.push(ps[j]);
        e.push(pe[j++]);
      }
    }
    this.starts = s;
    this.ends = e;
    this.pendingStarts = [];
    this.pendingEnds = [];
  }
}
