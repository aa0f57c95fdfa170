/**
 * Build step: rules/*.yaml (one file per provider, written by people) -> dist/rules.json (what the
 * engine reads on every scan) and dist/playbooks.json (read only when there is something to explain).
 * Splitting them keeps the commit path from parsing YAML or loading remediation text it will not print.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import YAML from 'yaml';
import { checkProvider } from '../src/rules/validate';
import { KeywordAutomaton } from '../src/engine/keyword-automaton';
import { prefilterWords } from '../src/engine/prefilter';
import { byPrecedence } from '../src/rules/order';
import type { CompiledPlaybooks, CompiledRules, ProviderSpec, Rule } from '../src/rules/types';

export function readProviderFiles(dir: string): ProviderSpec[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const errors: string[] = [];
  const specs: ProviderSpec[] = [];
  const ids = new Map<string, string>();
  for (const f of files) {
    const spec = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ProviderSpec;
    const problems = checkProvider(spec, f);
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    if (`${spec.slug}.yaml` !== f) errors.push(`${f}: slug "${spec.slug}" should match the file name`);
    for (const r of spec.rules) {
      if (ids.has(r.id)) errors.push(`${f}: rule id ${r.id} is also in ${ids.get(r.id)}`);
      ids.set(r.id, f);
    }
    specs.push(spec);
  }
  if (errors.length) throw new Error(`rules/ has problems:\n  ${errors.join('\n  ')}`);
  return specs;
}

export function compile(specs: ProviderSpec[]): { rules: CompiledRules; playbooks: CompiledPlaybooks } {
  const rules: Rule[] = [];
  const providers: CompiledPlaybooks['providers'] = {};
  for (const spec of specs) {
    for (const r of spec.rules) {
      const { examples: _examples, ...detect } = r;
      rules.push({ ...detect, provider: spec.provider, slug: spec.slug, envVars: r.envVars ?? spec.envVars });
    }
    providers[spec.slug] = {
      provider: spec.provider,
      slug: spec.slug,
      envVars: spec.envVars,
      playbook: spec.playbook,
      ...(spec.verify ? { verify: spec.verify } : {}),
      ruleIds: spec.rules.map((r) => r.id),
    };
  }
  // Generic rules go last so that a provider's own rule wins when both match the same text.
  rules.sort(byPrecedence);
  return { rules: { version: 1, rules }, playbooks: { version: 1, providers } };
}

/**
 * dist/build-id: a hash of the compiled code and rules. What a history audit remembers it judged is kept
 * under it (sources/history-cache.ts), so another build never trusts what an older engine judged.
 */
function writeBuildId(out: string): void {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') || e.name.endsWith('.json')) hash.update(p.slice(out.length)).update(fs.readFileSync(p));
    }
  };
  walk(path.join(out, 'src'));
  hash.update(fs.readFileSync(path.join(out, 'rules.json')));
  fs.writeFileSync(path.join(out, 'build-id'), hash.digest('hex').slice(0, 32) + '\n');
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const out = path.join(root, 'dist');
  try {
    const { rules, playbooks } = compile(readProviderFiles(path.join(root, 'rules')));
    fs.mkdirSync(out, { recursive: true });
    const words = prefilterWords(rules.rules);
    fs.writeFileSync(path.join(out, 'rules.json'), JSON.stringify({ ...rules, prefilter: words }));
    fs.writeFileSync(path.join(out, 'playbooks.json'), JSON.stringify(playbooks));
    // Prebuilt keyword tables for the built-in rules, so a commit does not pay for building them.
    fs.rmSync(path.join(out, 'automata'), { recursive: true, force: true });
    KeywordAutomaton.save(words.words, true);
    writeBuildId(out);
    console.error(`compiled ${rules.rules.length} rules from ${Object.keys(playbooks.providers).length} providers`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
