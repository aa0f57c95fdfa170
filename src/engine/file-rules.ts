/**
 * Rules about a file's name rather than its lines (`fileName: true`): a PKCS#12 / .pfx key store is
 * binary, and what gives it away is its type. Sources pass binary files as fragments without lines
 * so these rules still see them; the finding points at the file as a whole.
 */
import type { Rule } from '../rules/types';
import type { Fragment } from '../sources/fragment';
import type { Finding } from './finding';
import { fingerprint } from './fingerprint';
import { isFixturePath } from './fixture-paths';

export function fileNameFinding(rule: Rule, f: Fragment): Finding {
  const name = f.file.slice(f.file.lastIndexOf('/') + 1);
  return {
    ruleId: rule.id, provider: rule.provider, slug: rule.slug, title: rule.title,
    severity: rule.fixtureSeverity && isFixturePath(f.file) ? rule.fixtureSeverity : rule.severity,
    file: f.file, line: f.lineNumbers[0] ?? 1, column: 1, secret: name, matchText: name, lineText: '',
    envVars: rule.envVars, commit: f.commit, fingerprint: fingerprint(rule.id, f.file, name),
  };
}
