/** The shapes of rules/<provider>.yaml, as written by people. */
import type { Severity } from './severity';
export type { Severity };

export interface RuleExamples {
  /** Templates for lines that must be reported (see scripts/fixtures/generate.ts for the {charset:N} syntax). */
  positive?: string[];
  /** Templates for near misses that must not be reported. */
  negative?: string[];
}

export interface RuleSpec {
  id: string;
  title: string;
  severity: Severity;
  /** Matched case-insensitively; a line is only tried against the pattern when one keyword is on it. */
  keywords: string[];
  pattern: string;
  /** Regex flags besides g, e.g. "i". */
  flags?: string;
  /** The literal start of the key, kept visible when the key is redacted. */
  prefix?: string;
  /** Which capture group holds the secret (default: 1 when the pattern has a group, else the whole match). */
  secretGroup?: number;
  /** Minimum Shannon entropy of the secret, in bits per character. */
  entropy?: number;
  /** Reject secrets made only of lower-case hex (git object ids and other hashes). */
  notHex?: boolean;
  /** Name of a checksum validator (src/engine/checksums.ts). */
  checksum?: string;
  /** The pattern is matched against the file's path, once per file (key stores such as .p12/.pfx), not against its lines. */
  fileName?: boolean;
  /** The pattern pins a fixed prefix, an exact length (and a fixed suffix): only obvious placeholders are rejected, not tidy-looking random parts. */
  structured?: boolean;
  /** Severity when the file is a test fixture (tests/, fixtures/, *.test.*): keys there are usually made for the test. */
  fixtureSeverity?: Severity;
  /** Name of a check that sees the lines around the candidate (src/engine/checks.ts), e.g. a PEM body or a Firebase config. */
  check?: string;
  /** A catch-all rule (e.g. `api_key = "..."`): tried after every provider rule, quiet on lines that say "example", never run on lock files or minified bundles. */
  generic?: boolean;
  /** Rules with a higher priority are tried first and win an overlap (a context rule over the bare format it refines). */
  priority?: number;
  /** A regex the next added line must match (e.g. key material after a PEM header). */
  followedBy?: string;
  /** Values that are never secrets for this rule (compared lower-cased), e.g. "password" in a connection string. */
  stopwords?: string[];
  examples?: RuleExamples;
  /** This rule's own variables, when they differ from the provider's (e.g. AWS_SECRET_ACCESS_KEY for the secret key). */
  envVars?: string[];
  /** The variable holds the path of a file with the credential (GOOGLE_APPLICATION_CREDENTIALS), not the value itself. */
  envVarHoldsFile?: boolean;
  /** One rule, several kinds of key: the variable for keys matching `match` (e.g. a 40-hex Datadog key is DD_APP_KEY). */
  envVarsByValue?: Array<{ match: string; envVar: string }>;
  /** How code should get this credential instead, when it is not a plain variable (one sentence, shown in the advice). */
  advice?: string;
}

export interface Playbook {
  /** Where keys are revoked and created. */
  console: string;
  /** Where use of the key can be seen. */
  usage?: string;
  create: string;
  revoke: string;
  misuse: string;
  notes?: string[];
  docs?: string;
}

/** How `--verify` asks the provider whether a key is live: one read-only request that costs nothing. */
export interface VerifySpec {
  /** https:// origin of the provider's API (only a loopback address may replace it, for tests). */
  base: string;
  /** Request path; {cloud} is the cloud name of a Cloudinary URL. */
  path: string;
  method: 'GET' | 'POST';
  /** bearer: Authorization: Bearer KEY; x-api-key / api-key: that header; basic-url: key:secret of a URL credential. */
  auth: 'bearer' | 'x-api-key' | 'api-key' | 'basic-url';
  headers?: Record<string, string>;
  /** Status codes that mean the key works (403: it works but lacks this permission). */
  live: number[];
  /** Status codes that mean the key was revoked or never existed. */
  revoked: number[];
}

export interface ProviderSpec {
  provider: string;
  slug: string;
  envVars: string[];
  playbook: Playbook;
  verify?: VerifySpec;
  rules: RuleSpec[];
}

/** What the engine needs of a rule: the spec plus its provider's name and variables. No playbook text. */
export interface Rule extends Omit<RuleSpec, 'examples'> {
  provider: string;
  slug: string;
  envVars: string[];
}

/** dist/rules.json: detection data only, read on every scan. */
export interface CompiledRules {
  version: 1;
  rules: Rule[];
  /** The prefilter's word list for exactly these rules (see engine/prefilter.ts), made at build time. */
  prefilter?: import('../engine/prefilter').PrefilterWords;
}

/** dist/playbooks.json: read only when something was found, or by rules/explain. */
export interface CompiledPlaybooks {
  version: 1;
  providers: Record<string, Omit<ProviderSpec, 'rules'> & { ruleIds: string[] }>;
}
