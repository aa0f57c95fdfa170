/** The environment variable a found key belongs in: the rule's own, refined by the key's value when the rule says so. */
import type { Finding } from '../engine/finding';
import type { Rule } from './types';

export function envVarOf(f: Pick<Finding, 'secret' | 'envVars'>, rule?: Pick<Rule, 'envVarsByValue'>): string | undefined {
  for (const m of rule?.envVarsByValue ?? []) if (new RegExp(m.match).test(f.secret)) return m.envVar;
  return f.envVars[0];
}
