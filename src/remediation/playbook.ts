/**
 * A provider's whole playbook, for pages that know no finding (`leakguard explain`, docs/providers,
 * the SARIF help of a rule): how urgent a key is by where it is, the rotation steps, and notes.
 */
import type { Playbook, Rule } from '../rules/types';
import { rotationSteps, type Step } from './step';
import { URGENCY_BY_PLACE } from './urgency';

export interface ProviderPlaybook {
  provider: string;
  envVars: string[];
  playbook: Playbook;
}

/** What a rule's key is, and where it belongs instead of in code. */
export interface RuleHome {
  id: string;
  title: string;
  home: string;
}

export interface ProviderRemedy {
  provider: string;
  rules: RuleHome[];
  urgency: typeof URGENCY_BY_PLACE;
  steps: Step[];
  notes: string[];
  docs?: string;
}

/** The rule's variable(s) and loading pattern, in a few words. */
function homeOf(r: Pick<Rule, 'advice' | 'envVars' | 'envVarsByValue'>): string {
  if (r.advice) return r.advice;
  const vars = [...new Set([...r.envVars.slice(0, 1), ...(r.envVarsByValue ?? []).map((m) => m.envVar)])];
  if (!vars.length) return 'an environment variable or your secret manager';
  return `the ${vars.join(' or ')} environment variable${vars.length > 1 ? 's (by kind of key)' : ''}`;
}

type RuleLike = Pick<Rule, 'id' | 'title' | 'advice' | 'envVarsByValue'> & { envVars?: string[] };

/** The playbook of a provider, and where the keys of `rules` belong (a rule without variables takes the provider's). */
export function providerRemedy(pb: ProviderPlaybook, rules: RuleLike[] = []): ProviderRemedy {
  return {
    provider: pb.provider,
    rules: rules.map((r) => ({ id: r.id, title: r.title, home: homeOf({ ...r, envVars: r.envVars ?? pb.envVars }) })),
    urgency: URGENCY_BY_PLACE,
    steps: rotationSteps({ playbook: pb.playbook, vars: pb.envVars }),
    notes: pb.playbook.notes ?? [],
    docs: pb.playbook.docs,
  };
}
