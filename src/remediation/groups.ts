/**
 * The findings of a scan, one group per playbook (a provider, or a custom rule with its own playbook),
 * each with its advice built from the remediation model. The text and HTML reports both start here.
 */
import type { Config } from '../config/types';
import type { Finding } from '../engine/finding';
import type { ScanResult } from '../report/result';
import { envReadFor } from '../report/env-read';
import { envVarOf } from '../rules/env-var';
import { playbookFor, rulesFor } from '../rules/load';
import { adviceSteps, type Advice } from './advice';

export interface ProviderGroup {
  /** What `leakguard explain` takes for this group: a custom rule's id when it has its own playbook, else the provider slug. */
  key: string;
  provider: string;
  findings: Finding[];
  /** How many distinct keys of the group are already reachable from a remote-tracking ref. */
  pushed: number;
  /** Distinct keys (fingerprints) in the group. */
  keys: number;
  /** Null when no playbook is known (a custom rule without one). */
  advice: Advice | null;
}

/** One entry per fingerprint, the first seen. */
function distinct(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => !seen.has(f.fingerprint) && !!seen.add(f.fingerprint));
}

/** Groups in order of first appearance; `compact` shortens the file lists of long reports. */
export function providerGroups(r: ScanResult, findings: Finding[], config: Config, compact: boolean): ProviderGroup[] {
  const rules = new Map(rulesFor(config).map((rule) => [rule.id, rule]));
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = config.rules.some((c) => c.id === f.ruleId && c.playbook) ? f.ruleId : f.slug;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey].map(([key, all]) => {
    const fs = distinct(all);
    const pushed = fs.filter((f) => r.pushed?.has(f.fingerprint)).length;
    const pb = playbookFor(fs[0].ruleId, fs[0].slug, config);
    const group = { key, provider: pb?.provider ?? fs[0].provider, findings: all, pushed, keys: fs.length };
    if (!pb) return { ...group, advice: null };
    const advice = adviceSteps({
      where: r.where,
      provider: pb.provider,
      playbook: pb.playbook,
      envVars: [...new Set(fs.map((f) => envVarOf(f, rules.get(f.ruleId))).filter((v): v is string => !!v))],
      inventory: [...new Set(fs.flatMap((f) => r.inventory?.get(f.fingerprint) ?? []))],
      ruleId: fs[0].ruleId,
      compact,
      pushed: pushed > 0,
      files: fs.map((f) => {
        const rule = rules.get(f.ruleId);
        const envVar = envVarOf(f, rule);
        return {
          file: f.file,
          line: f.line,
          envVar,
          envVarHoldsFile: rule?.envVarHoldsFile,
          advice: rule?.advice,
          envRead: envVar ? envReadFor(f.file, envVar) : null,
          commit: f.commit?.sha.slice(0, 10),
        };
      }),
    });
    return { ...group, advice };
  });
}
