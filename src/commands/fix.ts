/**
 * `leakguard fix [--yes]`: for each staged finding in a source file, move the key into a git-ignored
 * .env and make the code read the environment variable instead, then re-stage the file. It shows the
 * change and asks first unless --yes. The key is never lost: it is written to .env before it leaves
 * the file, and a file it cannot rewrite safely is left alone and named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { collect } from './scan';
import type { Finding } from '../engine/finding';
import { ensurePythonImport, rewriteLine } from '../fix/rewrite';
import { rulesFor } from '../rules/load';
import { envVarOf } from '../rules/env-var';
import type { Rule } from '../rules/types';

interface Plan { file: string; lineNo: number; before: string; after: string; envVar: string; secret: string; needsImport?: string }

function envVarOfFinding(f: Finding, rule?: Rule): string {
  return envVarOf(f, rule) ?? `${f.slug.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
}

function readEnvFile(file: string): Map<string, string> {
  const vars = new Map<string, string>();
  if (!fs.existsSync(file)) return vars;
  for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l);
    if (m) vars.set(m[1], m[2].replace(/^["']|["']$/g, ''));
  }
  return vars;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export async function fixCommand(yes: boolean, configFile?: string): Promise<number> {
  const { result, ctx } = await collect({ staged: true, paths: [], format: 'text', redact: true, color: false, baseline: true, config: configFile });
  if (!result.findings.length) {
    process.stdout.write('leakguard fix: no staged secrets.\n');
    return 0;
  }
  const envFile = path.join(ctx.root, '.env');
  const existing = readEnvFile(envFile);
  const plans: Plan[] = [];
  const skipped: string[] = [];
  const taken = new Map<string, string>(); // env var -> secret, for this run
  const rules = new Map(rulesFor(ctx.config).map((r) => [r.id, r]));
  const envVarFor = (f: Finding) => envVarOfFinding(f, rules.get(f.ruleId));
  for (const f of result.findings) {
    // A credential loaded from a file (a service-account key) or with its own loading pattern is not a .env value.
    const rule = rules.get(f.ruleId);
    if (rule?.envVarHoldsFile || rule?.advice) { skipped.push(`${f.file}:${f.line} (${f.title}): ${rule.advice ?? `keep it in a file outside the repository and point ${f.envVars[0]} at it`}`); continue; }
    const abs = path.join(ctx.root, f.file);
    const text = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : null;
    const lines = text?.split('\n') ?? [];
    const idx = lines.findIndex((l) => l.includes(f.secret));
    let envVar = envVarFor(f);
    for (let n = 2; (existing.has(envVar) && existing.get(envVar) !== f.secret) || (taken.has(envVar) && taken.get(envVar) !== f.secret); n++) envVar = `${envVarFor(f)}_${n}`;
    const rw = idx === -1 ? null : rewriteLine(f.file, lines[idx], f.secret, envVar);
    if (!rw) { skipped.push(`${f.file}:${f.line} (${f.title}): not a plain string literal in a language leakguard can rewrite; move it by hand`); continue; }
    taken.set(envVar, f.secret);
    plans.push({ file: f.file, lineNo: idx + 1, before: lines[idx], after: rw.line, envVar, secret: f.secret, needsImport: rw.needsImport });
  }
  for (const s of skipped) process.stdout.write(`  skipped ${s}\n`);
  if (!plans.length) return 1;
  process.stdout.write('leakguard fix will:\n');
  for (const p of plans) {
    const red = (s: string) => s.split(p.secret).join(`${p.secret.slice(0, 6)}\u2026`);
    process.stdout.write(`  ${p.file}:${p.lineNo}\n    - ${red(p.before).trim()}\n    + ${p.after.trim()}\n`);
  }
  const newVars = [...new Set(plans.map((p) => p.envVar))].filter((v) => !existing.has(v));
  process.stdout.write(`  .env: add ${newVars.join(', ') || '(nothing new)'}; make sure .env is ignored by git; re-stage the changed files.\n`);
  if (!yes && !(await confirm('Apply? [y/N] '))) {
    process.stdout.write('Nothing was changed. Run `leakguard fix --yes` to apply without asking.\n');
    return 1;
  }
  // 1. The values go to .env first, so the key is kept before it leaves any file.
  const add = plans.filter((p, i) => !existing.has(p.envVar) && plans.findIndex((q) => q.envVar === p.envVar) === i).map((p) => `${p.envVar}=${p.secret}\n`);
  if (add.length) {
    const cur = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
    fs.writeFileSync(envFile, cur + (cur && !cur.endsWith('\n') ? '\n' : '') + add.join(''), { mode: 0o600 });
  }
  // 2. .env must never be committed.
  const ignored = (await ctx.git.tryRaw(['check-ignore', '--', '.env']))?.trim();
  const toStage = new Set<string>();
  if (!ignored) {
    const gi = path.join(ctx.root, '.gitignore');
    const cur = fs.existsSync(gi) ? fs.readFileSync(gi, 'utf8') : '';
    fs.writeFileSync(gi, cur + (cur && !cur.endsWith('\n') ? '\n' : '') + '.env\n');
    toStage.add('.gitignore');
  }
  // 3. Rewrite the lines, then re-stage (only files whose work tree matched the index, so nothing
  //    else unstaged gets committed by accident).
  const byFile = new Map<string, Plan[]>();
  for (const p of plans) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const notStaged: string[] = [];
  for (const [file, ps] of byFile) {
    const clean = (await ctx.git.raw(['diff', '--name-only', '--', file])).trim() === '';
    const abs = path.join(ctx.root, file);
    let text = fs.readFileSync(abs, 'utf8');
    for (const p of ps) text = text.split(p.before).join(p.after);
    if (ps.some((p) => p.needsImport === 'import os')) text = ensurePythonImport(text);
    fs.writeFileSync(abs, text);
    if (clean) toStage.add(file); else notStaged.push(file);
  }
  if (toStage.size) await ctx.git.raw(['add', '--', ...toStage]);
  process.stdout.write(`Done: the keys are in .env (ignored by git) and the code reads them from the environment.\n`);
  if (notStaged.length) process.stdout.write(`Not re-staged, because they had other unstaged changes: ${notStaged.join(', ')}. Stage the fix with git add -p.\n`);
  if (plans.some((p) => p.needsImport === 'import "os"')) process.stdout.write('Go files need "os" in their imports.\n');
  process.stdout.write('If a key was ever shared anywhere else, rotate it: leakguard explain RULE_ID.\n');
  return skipped.length ? 1 : 0;
}
