/**
 * `leakguard fix [--yes]`: for each staged file with findings, move every reported key into the git-ignored
 * .env and make the code read the environment variable instead, then re-stage the file. It works on bytes
 * (nothing outside the replaced spans changes), checks each rewrite with the language's parser, and leaves a
 * file alone, saying why in one line, whenever it cannot be sure. It shows the change and asks unless --yes.
 * The key is never lost: it is written to .env before it leaves the file. It never prints a whole key.
 */
import fs from 'node:fs';
import { safeTarget, safeWrite } from '../safe-write';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { collect } from './scan';
import type { Finding } from '../engine/finding';
import { planFile, type FilePlan, type Refusal } from '../fix/plan';
import { chooseNames } from '../fix/env-names';
import { syntaxProblems } from '../fix/syntax';
import { appendEnv, ENV_FILE, ensureIgnored, envFileProblem, readEnvVars } from '../fix/env-file';
import { lineOf } from '../fix/edits';
import type { Git } from '../git';

import { rulesFor } from '../rules/load';
import { envVarOf } from '../rules/env-var';
import type { Rule } from '../rules/types';

/** The variable for a key: its rule's own; for a password inside a URL, a _PASSWORD name (the URL variable holds a whole URL). */
function envVarFor(f: Finding, rule?: Rule): string {
  const base = envVarOf(f, rule) ?? `${f.slug.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
  return f.matchText !== f.secret && f.matchText.includes('://')
    ? `${base.replace(/_(URL|URI|DSN|CONNECTION_STRING)$/, '')}_PASSWORD`
    : base;
}
const short = (s: string) => `${s.slice(0, Math.min(6, Math.floor(s.length / 3)))}\u2026`;
const say = (s: string) => process.stdout.write(`${s}\n`);

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

/** Files whose work tree differs from the index (their fix could not be staged alone). */
async function unstagedChanges(git: Git, files: string[]): Promise<Set<string>> {
  return new Set((await git.raw(['diff', '--name-only', '--no-renames', '--', ...files])).split('\n').filter(Boolean));
}

function printPlan(plans: FilePlan[], refused: Refusal[], names: Map<string, string>): void {
  if (plans.length) say('leakguard fix will:');
  for (const p of plans) {
    say(`  ${p.file}`);
    for (const e of [...p.edits].sort((a, b) => a.from - b.from))
      say(`    line ${lineOf(p.before, e.from)}: ${short(e.secret ?? '')} -> ${e.text}`);
    if (p.addedImport) say(`    + ${p.addedImport}`);
  }
  const vars = [...new Set(plans.flatMap((p) => p.secrets.map((s) => names.get(s)!)))];
  if (plans.length) say(`  ${ENV_FILE} gets: ${vars.join(', ')} (a file git ignores; leakguard checks before writing)`);
  for (const r of refused) say(`  left alone ${r.file}: ${r.why}`);
}

export async function fixCommand(yes: boolean, configFile?: string): Promise<number> {
  const { result, ctx } = await collect({
    staged: true,
    paths: [],
    format: 'text',
    redact: true,
    color: false,
    baseline: true,
    config: configFile,
  });
  if (!result.findings.length) {
    say('leakguard fix: no staged secrets.');
    return 0;
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const files = [...byFile.keys()].sort();
  const envProblem = await envFileProblem(ctx.git, ctx.root);
  if (envProblem) {
    say(`leakguard fix: nothing was changed: ${envProblem}.`);
    for (const f of files) say(`  left alone ${f}: its keys would have gone to ${ENV_FILE}`);
    return 1;
  }
  const refused: Refusal[] = [];
  const dirty = await unstagedChanges(ctx.git, files);
  const rules = new Map(rulesFor(ctx.config).map((r) => [r.id, r]));
  // A credential loaded from a file (a service-account key) or with its own loading pattern is not a .env value.
  const fileBound = (f: string) =>
    byFile
      .get(f)!
      .map((x) => rules.get(x.ruleId))
      .find((r) => r?.envVarHoldsFile || r?.advice);
  const workable = files.filter((f) => {
    const fb = fileBound(f);
    if (fb)
      refused.push({
        file: f,
        why: fb.advice ?? `keep that credential in a file outside the repository and point ${fb.envVars?.[0] ?? 'its variable'} at it`,
      });
    else if (!fs.existsSync(path.join(ctx.root, f))) refused.push({ file: f, why: 'it is not in the work tree' });
    else if (!fs.lstatSync(path.join(ctx.root, f)).isFile()) refused.push({ file: f, why: 'it is a symbolic link, not a plain file' });
    else if (dirty.has(f)) refused.push({ file: f, why: 'it has changes that are not staged; stage or stash them, then run fix again' });
    else return true;
    return false;
  });
  const existing = readEnvVars(ctx.root);
  const texts = new Map(workable.map((f) => [f, fs.readFileSync(path.join(ctx.root, f)).toString('latin1')]));
  const choices = workable.flatMap((file) =>
    byFile.get(file)!.map((f) => ({
      secret: f.secret,
      base: envVarFor(f, rules.get(f.ruleId)),
      files: workable.filter((x) => byFile.get(x)!.some((y) => y.secret === f.secret)),
    })),
  );
  const names = chooseNames(choices, existing, (f) => texts.get(f) ?? '');
  const drafts: FilePlan[] = [];
  for (const file of workable) {
    const p = planFile(ctx.root, file, [...new Set(byFile.get(file)!.map((f) => f.secret))], (s) => names.get(s)!);
    if ('why' in p) refused.push(p);
    else drafts.push(p);
  }
  const bad = await syntaxProblems(drafts, ctx.root);
  const plans = drafts.filter((p, i) => {
    if (bad[i]) refused.push({ file: p.file, why: bad[i]! });
    return !bad[i];
  });
  printPlan(plans, refused, names);
  if (!plans.length) {
    say('Nothing was changed.');
    return 1;
  }
  if (!yes && !(await confirm('Apply? [y/N] '))) {
    say('Nothing was changed. Run `leakguard fix --yes` to apply without asking.');
    return 1;
  }
  for (const p of plans) safeTarget(ctx.root, p.file); // before anything is changed
  const gitignoreWasClean = fs.existsSync(path.join(ctx.root, '.gitignore'))
    ? !(await unstagedChanges(ctx.git, ['.gitignore'])).size
    : true;
  const ig = await ensureIgnored(ctx.git, ctx.root);
  if (ig.problem) {
    say(`leakguard fix: nothing was changed: ${ig.problem}.`);
    return 1;
  }
  // 1. The values go to .env first, so each key is kept before it leaves any file.
  const secrets = [...new Set(plans.flatMap((p) => p.secrets))];
  appendEnv(
    ctx.root,
    secrets.filter((s) => existing.get(names.get(s)!) !== s).map((s) => [names.get(s)!, s]),
  );
  // 2. The files, byte for byte outside the replaced spans, then re-staged (their work tree matched the index).
  for (const p of plans) safeWrite(ctx.root, p.file, Buffer.from(p.after, 'latin1'));
  const toStage = plans.map((p) => p.file);
  if (ig.gitignore && gitignoreWasClean) toStage.push('.gitignore');
  await ctx.git.raw(['add', '--', ...toStage]);
  const left = await ctx.git.grepCached([...new Set(result.findings.map((f) => f.secret))]);
  say(
    `Done: ${secrets.length} key${secrets.length === 1 ? '' : 's'} moved to ${ENV_FILE}, which git ignores${ig.gitignore ? ` (added to ${ig.gitignore}${gitignoreWasClean ? ' and staged' : ''})` : ''}; the code reads ${secrets.length === 1 ? 'it' : 'them'} from the environment. Re-staged: ${plans.map((p) => p.file).join(', ')}.`,
  );
  if (left.length)
    say(
      `Still staged with a key: ${left.join(', ')}. Move ${left.length === 1 ? 'it' : 'them'} by hand (or unstage: git restore --staged FILE).`,
    );
  say('If a key was ever shared anywhere else, rotate it: leakguard explain RULE_ID.');
  return refused.length || left.length ? 1 : 0;
}
