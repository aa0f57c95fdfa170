/**
 * Named checks a rule can ask for (`check:` in rules/*.yaml) when its regex alone cannot tell a key
 * from a look-alike: they see the candidate and the lines around it. A check returning false means
 * "not this rule": another rule (or none) may still report the same text.
 */
import { blockAfterHeaderIsKey, inlinePemIsKey } from './pem';
import { urlCredentialIsReal } from './url-credentials';
import { genericSecretIsReal, hexSecretIsReal } from './secret-values';
import { derPrivateKeyBody } from './der';
import { isKnownPublicKey } from './known-public';
import type { CheckName } from './check-names';

export interface CheckContext {
  lines: string[];
  lineNumbers: number[];
  /** Index of the candidate's line in `lines`. */
  idx: number;
  file: string;
}

/** Whether `re` matches one of the consecutive lines from `before` lines above to `after` below the candidate. */
export function near(at: CheckContext, re: RegExp, before: number, after: number): boolean {
  const { lines, lineNumbers, idx } = at;
  for (let i = idx; i >= 0 && i >= idx - before; i--) {
    if (re.test(lines[i])) return true;
    if (i > 0 && lineNumbers[i - 1] !== lineNumbers[i] - 1) break;
  }
  for (let i = idx + 1; i < lines.length && i <= idx + after; i++) {
    if (lineNumbers[i] !== lineNumbers[i - 1] + 1) break;
    if (re.test(lines[i])) return true;
  }
  return false;
}

const FIREBASE_CONFIG = /authDomain|messagingSenderId|firebaseapp\.com|firebaseConfig/;
const WEB_PAGE_FILE = /\.(?:html?|xhtml|php|erb|ejs|hbs|handlebars|jinja2?|twig|vue|svelte|astro)$/i;
const MAPS_LOADER = /maps\.googleapis\.com\/maps\/api\/js|maps\.google\.com\/maps\/api\/js|<gmp-map|@googlemaps\/|google\.maps\./;

export const CHECKS: Record<CheckName, (secret: string, at: CheckContext) => boolean> = {
  /** A PEM header alone on its line: the lines below must be key material, not `...` or a placeholder. */
  'pem-block': (_s, at) => blockAfterHeaderIsKey(at.lines, at.lineNumbers, at.idx),
  /** A whole PEM block on one line (`\n` escapes) or in decoded text. */
  'pem-inline': (s) => inlinePemIsKey(s),
  /** A line of base64 that decodes to the start of a DER private key, with no header above it. */
  'der-body': (s, at) => derPrivateKeyBody(s, at.lines, at.lineNumbers, at.idx),
  'url-credential': (s, at) => urlCredentialIsReal(at.lines[at.idx], s),
  'generic-secret': (s, at) => genericSecretIsReal(s, at.lines[at.idx]),
  'hex-secret': (s, at) => hexSecretIsReal(s, at.lines[at.idx]),
  /** Cloudinary's SDK config: `api_secret` under a `cloudinary:` block or in a cloudinary.config(...) call. */
  'near-cloudinary': (_s, at) => near(at, /cloudinary/i, 8, 2),
  /** An sk- key sent as a Bearer token in a request to OpenAI (a curl line, its URL a few lines away). */
  'near-openai': (_s, at) => near(at, /openai/i, 6, 6),
  /** A Google API key inside a Firebase web config object: public by design. */
  'firebase-web-config': (_s, at) => near(at, FIREBASE_CONFIG, 6, 8),
  /** A test key a provider publishes in its docs or SDK samples. */
  'known-public': (s) => isKnownPublicKey(s),
  /** A private_key_id inside a Google service-account key file (pretty, compact, escaped in a string, or YAML). */
  'service-account-json': (_s, at) =>
    near(at, /service_account/, 12, 12) && near(at, /gserviceaccount\.com|private_key|client_email|client_id/, 12, 12),
  /** A Google API key in a web page or next to the Maps JavaScript loader: shipped to browsers by design. */
  'web-page-key': (_s, at) => WEB_PAGE_FILE.test(at.file) || near(at, MAPS_LOADER, 3, 3),
};
