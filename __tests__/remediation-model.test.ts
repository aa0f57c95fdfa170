/**
 * One remediation model: the block message, the HTML report, `explain`, the SARIF help and the provider
 * pages only lay out what src/remediation builds. A wording change in the model shows in every one of
 * them. The built modules are used (dist/), as the CLI runs them: the rule data lives in dist/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, git, newRepo, tempDir, write } from './support/cli';
import type { Finding } from '../src/engine/finding';
import type { ScanResult } from '../src/report/result';
import type { Step } from '../src/remediation/step';
import type { ProviderSpec } from '../src/rules/types';

const DIST = path.join(__dirname, '..', 'dist');
const load = <T>(rel: string): T => require(path.join(DIST, rel)) as T;

const stepModule = load<typeof import('../src/remediation/step')>('src/remediation/step');
const urgency = load<typeof import('../src/remediation/urgency')>('src/remediation/urgency');
const { DEFAULT_CONFIG } = load<typeof import('../src/config/types')>('src/config/types');
const { reporterFor, FORMATS } = load<typeof import('../src/report/reporter')>('src/report/reporter');
const { sarifRule } = load<typeof import('../src/report/sarif')>('src/report/sarif');
const { explainCommand } = load<typeof import('../src/commands/explain')>('src/commands/explain');
const { providerPage, indexPage } = load<typeof import('../scripts/provider-docs')>('scripts/provider-docs');
const { SEVERITY, SEVERITIES } = load<typeof import('../src/rules/severity')>('src/rules/severity');
const { checkRule } = load<typeof import('../src/rules/validate')>('src/rules/validate');
const { CHECKSUM_NAMES } = load<typeof import('../src/engine/checksums')>('src/engine/checksums');

const MARKED: Step[] = [
  { kind: 'create', action: 'Marked create step', url: 'https://console.example/keys', detail: ['Marked detail sentence.'] },
  { kind: 'revoke', action: 'Marked revoke step', vars: ['MARKED_VAR'], detail: [] },
];

function finding(where: 'history' | 'staged'): Finding {
  return {
    ruleId: 'openai-project-key',
    provider: 'OpenAI',
    slug: 'openai',
    title: 'OpenAI project API key',
    severity: 'critical',
    file: 'src/client.ts',
    line: 3,
    column: 1,
    secret: 'not-a-key-just-render-test',
    matchText: 'not-a-key-just-render-test',
    lineText: 'x',
    envVars: ['OPENAI_API_KEY'],
    fingerprint: `openai-project-key:${where}`,
    ...(where === 'history' ? { commit: { sha: 'a'.repeat(40), author: 'T', date: '2026-01-01T00:00:00Z' } } : {}),
  } as Finding;
}

const result = (where: 'history' | 'staged'): ScanResult => ({
  where,
  findings: [finding(where)],
  suppressed: {},
  notices: [],
  stats: { commitsScanned: 1, filesScanned: 1, linesScanned: 1, ms: 0 } as ScanResult['stats'],
});

const ctx = { config: DEFAULT_CONFIG, version: () => '0.0.0' };
const opts = { redact: true, color: false };

const spec: ProviderSpec = {
  provider: 'Acme',
  slug: 'acme',
  envVars: ['ACME_KEY'],
  playbook: { console: 'https://acme.example/keys', create: 'Create one.', revoke: 'Revoke it.', misuse: 'Read the log.' },
  rules: [{ id: 'acme-key', title: 'Acme key', severity: 'high', keywords: ['acme'], pattern: 'acme_[a-z]{8}' }],
};

async function explainOutput(what: string): Promise<string> {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await explainCommand(what);
  } finally {
    spy.mockRestore();
  }
  return out;
}

/** Every place that lays out a provider's steps, as text. */
async function everyRendering(): Promise<Record<string, string>> {
  const rule = sarifRule(finding('history'), DEFAULT_CONFIG);
  return {
    text: reporterFor('text').render(result('history'), opts, ctx),
    html: reporterFor('html').render(result('history'), opts, ctx),
    explain: await explainOutput('openai'),
    'sarif help text': rule.help.text,
    'sarif help markdown': rule.help.markdown,
    docs: providerPage(spec),
  };
}

describe('one remediation model, rendered everywhere', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a change to the steps shows in the text block, HTML, explain, SARIF help and the provider pages', async () => {
    jest.spyOn(stepModule, 'rotationSteps').mockReturnValue(MARKED);
    for (const [where, text] of Object.entries(await everyRendering())) {
      for (const s of ['Marked create step', 'https://console.example/keys', 'Marked detail sentence.', 'Marked revoke step', 'MARKED_VAR'])
        expect({ where, has: s, found: text.includes(s) }).toEqual({ where, has: s, found: true });
      expect({ where, oldWording: /Create a new key/.test(text) }).toEqual({ where, oldWording: false });
    }
  });

  test('the unmocked model: every renderer shows each rotation step of the provider', async () => {
    const steps = stepModule.rotationSteps({ playbook: spec.playbook, vars: ['X'] });
    expect(steps.map((s) => s.kind)).toEqual(['create', 'deploy', 'revoke', 'misuse']);
    for (const [where, text] of Object.entries(await everyRendering()))
      for (const s of steps)
        expect({ where, step: s.action, found: text.includes(s.action) }).toEqual({ where, step: s.action, found: true });
  });

  test('the urgency of a place is worded once: text, HTML, explain and the provider index show it', async () => {
    const saved = urgency.URGENCY.history;
    urgency.URGENCY.history = 'Marked urgency of history.';
    urgency.URGENCY_BY_PLACE.push({ place: 'marked place', says: 'Marked urgency of a place.' });
    try {
      expect(reporterFor('text').render(result('history'), opts, ctx)).toContain('Marked urgency of history.');
      expect(reporterFor('html').render(result('history'), opts, ctx)).toContain('Marked urgency of history.');
      expect(await explainOutput('openai')).toContain('marked place: Marked urgency of a place.');
      expect(indexPage([spec])).toContain('**marked place**: Marked urgency of a place.');
    } finally {
      urgency.URGENCY.history = saved;
      urgency.URGENCY_BY_PLACE.pop();
    }
  });
});

describe('one table each', () => {
  test('severity: validation accepts exactly the table, SARIF and HTML read it', () => {
    const base = { id: 'x-key', title: 'X', keywords: ['x'], pattern: 'x_[a-z]{8}' };
    for (const s of SEVERITIES) expect(checkRule({ ...base, severity: s }, 'r')).toEqual([]);
    expect(checkRule({ ...base, severity: 'urgent' }, 'r').join()).toMatch(/severity/);
    const rule = sarifRule({ ...finding('history'), severity: 'medium' }, DEFAULT_CONFIG);
    expect(rule.defaultConfiguration.level).toBe(SEVERITY.medium.sarifLevel);
    expect(rule.properties['security-severity']).toBe(SEVERITY.medium.sarifScore);
    const html = reporterFor('html').render(result('history'), opts, ctx);
    for (const s of SEVERITIES) expect(html).toContain(`.${s}{background:${SEVERITY[s].colour}}`);
  });

  test('checksum names: validation accepts exactly the validators that exist', () => {
    const base = { id: 'x-key', title: 'X', severity: 'high', keywords: ['x'], pattern: 'x_[a-z]{8}' };
    for (const c of CHECKSUM_NAMES) expect(checkRule({ ...base, checksum: c }, 'r')).toEqual([]);
    expect(checkRule({ ...base, checksum: 'crc64' }, 'r').join()).toMatch(/checksum/);
  });
});

describe('reporters', () => {
  test('every format has a reporter; only text and HTML want the inventory', () => {
    expect([...FORMATS].sort()).toEqual(['html', 'json', 'sarif', 'text']);
    const clean: ScanResult = { ...result('staged'), findings: [] };
    expect(reporterFor('text').render(clean, opts, ctx)).toBe('');
    expect(JSON.parse(reporterFor('json').render(clean, opts, ctx)).findings).toEqual([]);
    expect(reporterFor('text').forPeople && reporterFor('html').forPeople).toBe(true);
    expect(reporterFor('json').forPeople || reporterFor('sarif').forPeople).toBe(false);
  });

  test('a clean commit loads no reporter and no remediation module', () => {
    const r = newRepo();
    write(r, 'a.txt', 'hello\n');
    git(r, ['add', '.']);
    const log = path.join(tempDir(), 'loaded.txt');
    const hook = path.join(tempDir(), 'hook.js');
    fs.writeFileSync(
      hook,
      `const M = require('module'); const seen = []; const load = M._load;
M._load = function (req, parent) { try { seen.push(M._resolveFilename(req, parent)); } catch {} return load.apply(this, arguments); };
process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(log)}, seen.join('\\n')));`,
    );
    const res = spawnSync(process.execPath, ['-r', hook, CLI, 'scan', '--staged'], { cwd: r, encoding: 'utf8' });
    expect(res.status).toBe(0);
    const loaded = fs.readFileSync(log, 'utf8');
    expect(loaded).toContain(`${path.sep}engine${path.sep}`);
    expect(loaded).not.toMatch(/report[\\/](text|html|json|sarif)\.js|remediation[\\/]/);
  });
});
