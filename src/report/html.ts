/**
 * --format html: one self-contained page for an audit (no scripts, no external files). Findings are
 * grouped by provider, each group says how urgent it is and what to do (the playbook), with the
 * inventory of files that use the key; a timeline shows when each key entered the history.
 */
import type { Config } from '../config/types';
import type { Finding } from '../engine/finding';
import { playbookFor } from '../rules/load';
import { URGENCY } from './advice';
import type { ReportOptions, ScanResult } from './result';
import { shownSecret } from './redact-finding';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const link = (u: string) => (/^https:\/\//.test(u) ? `<a href="${esc(u)}">${esc(u)}</a>` : esc(u));
const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

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
.critical{background:#b3261e}.high{background:#d9661a}.medium{background:#a68a00}.low{background:#5b6b7f}
table{border-collapse:collapse;width:100%;margin:8px 0}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #e3e6ea;font-size:13px;vertical-align:top}
code{font-family:ui-monospace,monospace;font-size:12.5px}
ol{margin:6px 0 6px 20px;padding:0}.urgent{color:#b3261e;font-weight:600}
.timeline{position:relative;height:28px;background:#eef0f3;border-radius:4px;margin:6px 0 2px}
.tick{position:absolute;top:4px;width:10px;height:20px;border-radius:3px;background:#b3261e;opacity:.8}
.axis{display:flex;justify-content:space-between;font-size:12px;color:#5b6b7f}`;

export function renderHtml(r: ScanResult, o: ReportOptions, config: Config): string {
  const byProvider = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = byProvider.get(f.provider);
    if (list) list.push(f);
    else byProvider.set(f.provider, [f]);
  }
  // Loops, not Math.min(...list): a spread of many thousand findings overflows the stack.
  const best = new Map([...byProvider].map(([p, fs]) => [p, fs.reduce((m, f) => Math.min(m, RANK[f.severity]), 9)]));
  const groups = [...byProvider.entries()].sort((a, b) => best.get(a[0])! - best.get(b[0])! || b[1].length - a[1].length);
  const dates = r.findings.map((f) => Date.parse(f.commit?.date ?? '')).filter((d) => !Number.isNaN(d));
  const lo = dates.reduce((m, d) => Math.min(m, d), Infinity);
  const hi = dates.reduce((m, d) => Math.max(m, d), -Infinity);
  const pos = (d: number) => (hi > lo ? ((d - lo) / (hi - lo)) * 98 : 49);
  const day = (d: number) => new Date(d).toISOString().slice(0, 10);
  const secrets = new Set(r.findings.map((f) => f.fingerprint)).size;

  const sections = groups
    .map(([provider, fs]) => {
      const worst = fs.reduce((a, f) => (RANK[f.severity] < RANK[a] ? f.severity : a), 'low' as string);
      const pb = playbookFor(fs[0].ruleId, fs[0].slug, config);
      const p = pb?.playbook;
      const rows = [...fs]
        .sort((a, b) => (a.commit?.date ?? '').localeCompare(b.commit?.date ?? ''))
        .map(
          (f) => `<tr>
      <td><code>${esc(f.file)}:${f.line}</code></td><td>${esc(f.title)}</td><td><code>${esc(shownSecret(f, o.redact))}</code>${f.encoding ? ` (${esc(f.encoding)})` : ''}${f.liveness ? ` <b>${esc(f.liveness)}</b>` : ''}</td>
      <td>${f.commit ? `<code>${esc(f.commit.sha.slice(0, 10))}</code> ${esc(f.commit.date.slice(0, 10))}<br>${esc(f.commit.author)}` : ''}</td></tr>`,
        )
        .join('');
      const inventory = [...new Set(fs.flatMap((f) => r.inventory?.get(f.fingerprint) ?? []))];
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
  ${
    p
      ? `<p class="urgent">${esc(URGENCY[r.where])}</p><ol>
    <li>Create a new key at ${link(p.console)}. ${esc(p.create)}</li>
    <li>Deploy it everywhere the old key is used${pb!.envVars.length ? ` (${esc(pb!.envVars.join(', '))})` : ''}.${inventory.length ? ` Files in this repository that use it: ${inventory.map((i) => `<code>${esc(i)}</code>`).join(', ')}.` : ''}</li>
    <li>Revoke the old key. ${esc(p.revoke)}</li>
    <li>Check for misuse${p.usage ? ` at ${link(p.usage)}` : ''}. ${esc(p.misuse)}</li>
    <li>Then remove it from history (git filter-repo --replace-text) if you must; that does not make the old key safe.</li></ol>`
      : ''
  }
</section>`;
    })
    .join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>leakguard report</title><style>${STYLE}</style></head>
<body><header><h1>leakguard: ${secrets} secret${secrets === 1 ? '' : 's'} found</h1>
<div>${esc(r.where)} scan, ${r.stats.commitsScanned} commits, ${r.stats.filesScanned} files, ${r.stats.linesScanned} added lines</div></header>
<main>
<div class="summary">${groups.map(([p, fs]) => `<div class="card"><b>${fs.length}</b>${esc(p)}</div>`).join('')}</div>
${dates.length ? `<div class="axis"><span>${day(lo)}</span><span>when the keys entered the history</span><span>${day(hi)}</span></div>` : ''}
${sections || '<p>No secrets found.</p>'}
</main></body></html>
`;
}
