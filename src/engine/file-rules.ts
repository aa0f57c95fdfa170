/**
 * Rules about a file's name rather than its lines (`fileName: true`): a PKCS#12 / .pfx key store is
 * binary, and what gives it away is its type. Sources pass binary files as fragments without lines
 * so these rules still see them; the finding points at the file as a whole.
 */
import type { Rule } from '../rules/types';
import type { Fragment } from '../sources/fragment';
import type { Finding } from './finding';
import { makeFinding } from './make-finding';

export function fileNameFinding(rule: Rule, f: Fragment): Finding {
  const name = f.file.slice(f.file.lastIndexOf('/') + 1);
  return makeFinding(rule, f, { line: f.lineNumbers[0] ?? 1, column: 1, secret: name, matchText: name, lineText: '' });
}
