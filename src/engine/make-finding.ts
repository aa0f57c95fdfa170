/** A Finding from the rule that matched and where: the one place a finding's fields are filled in. */
import type { Rule } from '../rules/types';
import type { Fragment } from '../sources/fragment';
import type { Finding } from './finding';
import { fingerprint } from './fingerprint';
import { isFixturePath } from './fixture-paths';

export interface MatchAt {
  line: number;
  column: number;
  secret: string;
  matchText: string;
  lineText: string;
}

export function makeFinding(rule: Rule, f: Fragment, at: MatchAt): Finding {
  return {
    ruleId: rule.id,
    provider: rule.provider,
    slug: rule.slug,
    title: rule.title,
    // Test fixtures hold keys on purpose: rules that say so report them at a lower severity there.
    severity: rule.fixtureSeverity && isFixturePath(f.file) ? rule.fixtureSeverity : rule.severity,
    file: f.file,
    ...at,
    envVars: rule.envVars,
    prefix: rule.prefix,
    commit: f.commit,
    fingerprint: fingerprint(rule.id, f.file, at.secret),
    // A PEM block goes on past its header line: a marker on one line cannot vouch for it.
    ...(rule.check === 'pem-block' ? { block: true } : {}),
  };
}
