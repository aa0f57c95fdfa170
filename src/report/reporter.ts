/**
 * A reporter turns a scan's result into one output format (gitleaks' `Reporter.Write`); commands pick
 * one by name from the registry below. Each loads on first use, so a clean commit loads none of them.
 * A new format is a new file here with one entry in REPORTERS.
 */
import type { Config } from '../config/types';
import type { ReportOptions, ScanResult } from './result';

export type Format = 'text' | 'json' | 'sarif' | 'html';

export interface ReportContext {
  config: Config;
  /** leakguard's version (SARIF names it); a function so that only the reporters that need it read it. */
  version: () => string;
}

export interface Reporter {
  render(result: ScanResult, opts: ReportOptions, ctx: ReportContext): string;
}

interface Entry {
  /** A report for people: it lists the files that use each key and says when a key is already pushed. */
  forPeople: boolean;
  /** Prints nothing for a clean scan without notes (the hooks stay silent), so it need not even load. */
  silentWhenClean: boolean;
  load: () => Reporter;
}

const REPORTERS: Record<Format, Entry> = {
  text: { forPeople: true, silentWhenClean: true, load: () => require('./text').textReporter },
  html: { forPeople: true, silentWhenClean: false, load: () => require('./html').htmlReporter },
  json: { forPeople: false, silentWhenClean: false, load: () => require('./json').jsonReporter },
  sarif: { forPeople: false, silentWhenClean: false, load: () => require('./sarif').sarifReporter },
};

export const FORMATS = Object.keys(REPORTERS) as Format[];

/** Nothing found, nothing allowed, nothing left unscanned: a silent reporter has nothing to say. */
export const nothingToSay = (r: ScanResult): boolean =>
  !r.findings.length && !r.notices.length && !Object.values(r.suppressed).some((n) => n);

/** The reporter of a format, with what the caller must gather for it (`forPeople`). */
export function reporterFor(format: Format): Reporter & { forPeople: boolean } {
  const entry = REPORTERS[format];
  return {
    forPeople: entry.forPeople,
    render: (r, o, ctx) => (entry.silentWhenClean && nothingToSay(r) ? '' : entry.load().render(r, o, ctx)),
  };
}
