/**
 * --format html: one self-contained page for an audit (no scripts, no external files). Findings are
 * grouped by provider, each group says how urgent it is and what to do (the playbook), with the
 * inventory of files that use the key; a timeline shows when each key entered the history.
 */
import type { Config } from '../config/types';
import type { ReportOptions, ScanResult } from './result';
import { shownSecret } from './redact-finding';
import type { Reporter } from './reporter';
import { providerGroups } from '../remediation/groups';
import { urgencyOf } from '../remediation/urgency';
import { esc, stepsHtml } from '../remediation/render-html';
import { LIVENESS } from '../remediation/liveness';
import { SEVERITIES, SEVERITY, severityOf } from '../rules/severity';

const BADGES = SEVERITIES.map((s) => `.${s}{background:${SEVERITY[s].colour}}`).join('');

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:24px 32px}header h1{margin:0 0 4px;font-size:22px}
main{padding:16px 32px 48px;max-width:1100px}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:24px}
section.provider{background:#fff;border-radius:8px;margin:20px 0;padding:16px 20px;box-shadow:0 1px 2px #0002}
section.provider h2{margin:0 0 4px;font-size:19px}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;color:#fff;margin-left:6px;vertical-align:middle}
${BADGES}
table{border-collapse:collapse;width:100%;margin:8px 0}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #e3e6ea;font-size:13px;vertical-align:top}
code{font-family:ui-monospace,monospace;font-size:12.5px}
ol{margin:6px 0 6px 20px;padding:0}.urgent{color:#b3261e;font-weight:600}
.timeline{position:relative;height:28px;background:#eef0f3;border-radius:4px;margin:6px 0 2px}
.tick{position:absolute;top:4px;width:10px;height:20px;border-radius:3px;background:#b3261e;opacity:.8}
.axis{display:flex;justify-content:space-between;font-size:12px;color:#5b6b7f}`;

export function renderHtml(r: ScanResult, o: ReportOptions, config: Config): string {
  // The findings table lists every key, so the advice names only a few files.
  const byProvider = providerGroups(r, r.findings, config, true);
  // Loops, not Math.min(...list): a spread of many thousand findings overflows the stack.
  const rank = (g: (typeof byProvider)[number]) => g.findings.reduce((m, f) => Math.min(m, severityOf(f.severity).rank), 9);
  const best = new Map(byProvider.map((g) => [g, rank(g)]));
  const groups = [...byProvider].sort((a, b) => best.get(a)! - best.get(b)! || b.findings.length - a.findings.length);
  const dates = r.findings.map((f) => Date.parse(f.commit?.date ?? '')).filter((d) => !Number.isNaN(d));
  const lo = dates.reduce((m, d) => Math.min(m, d), Infinity);
  const hi = dates.reduce((m, d) => Math.max(m, d), -Infinity);
  const pos = (d: number) => (hi > lo ? ((d - lo) / (hi - lo)) * 98 : 49);
  const day = (d: number) => new Date(d).toISOString().slice(0, 10);
  const secrets = new Set(r.findings.map((f) => f.fingerprint)).size;

  const sections = groups
    .map((g) => {
      const { provider, findings: fs, advice } = g;
      const worst = SEVERITIES[best.get(g)!] ?? 'high';
      const rows = [...fs]
        .sort((a, b) => (a.commit?.date ?? '').localeCompare(b.commit?.date ?? ''))
        .map(
          (f) => `<tr>
      <td><code>${esc(f.file)}:${f.line}</code></td><td>${esc(f.title)}</td><td><code>${esc(shownSecret(f, o.redact))}</code>${f.encoding ? ` (${esc(f.encoding)})` : ''}${f.liveness ? ` <b>${esc(LIVENESS[f.liveness].label)}</b>` : ''}</td>
      <td>${f.commit ? `<code>${esc(f.commit.sha.slice(0, 10))}</code> ${esc(f.commit.date.slice(0, 10))}<br>${esc(f.commit.author)}` : ''}</td></tr>`,
        )
        .join('');
      const ticks = fs
        .filter((f) => f.commit)
        .map(
          (f) =>
            `<span class="tick" style="left:${pos(Date.parse(f.commit!.date)).toFixed(1)}%" title="${esc(f.file)} ${esc(f.commit!.date)}"></span>`,
        )
        .join('');
      return `<section class="provider" id="${esc(fs[0].slug)}">
  <h2>${esc(provider)} <span class="sev ${worst}">${worst}</span></h2>
  <div>${fs.length} finding${fs.length > 1 ? 's' : ''} in ${new Set(fs.map((f) => f.file)).size} file(s)</div>
  ${dates.length ? `<div class="timeline">${ticks}</div>` : ''}
  <table><tr><th>where</th><th>what</th><th>key</th><th>commit</th></tr>${rows}</table>
  ${advice ? `<p class="urgent">${esc(urgencyOf(r.where, g.pushed, g.keys))}</p><p><b>${esc(advice.heading)}</b></p>${stepsHtml(advice.steps)}` : ''}
</section>`;
    })
    .join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>leakguard report</title><style>${STYLE}</style></head>
<body><header><h1>leakguard: ${secrets} secret${secrets === 1 ? '' : 's'} found</h1>
<div>${esc(r.where)} scan, ${r.stats.commitsScanned} commits, ${r.stats.filesScanned} files, ${r.stats.linesScanned} added lines</div></header>
<main>
<div class="summary">${groups.map((g) => `<div class="card"><b>${g.findings.length}</b>${esc(g.provider)}</div>`).join('')}</div>
${dates.length ? `<div class="axis"><span>${day(lo)}</span><span>when the keys entered the history</span><span>${day(hi)}</span></div>` : ''}
${sections || '<p>No secrets found.</p>'}
</main></body></html>
`;
}

export const htmlReporter: Reporter = { render: (r, o, ctx) => renderHtml(r, o, ctx.config) };
