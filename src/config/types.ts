import type { Playbook, RuleSpec } from '../rules/types';

export interface AllowEntry {
  /** A rule id, or "*" for every rule. */
  rule: string;
  /** Regex tested against the secret. */
  match?: string;
  /** Regex tested against the whole line. */
  line?: string;
  reason?: string;
}

export interface CustomRule extends RuleSpec {
  provider?: string;
  envVars?: string[];
  playbook?: Partial<Playbook>;
}

export interface Config {
  /** Where the config was read from (for messages), or null for the defaults. */
  source: string | null;
  builtinRules: boolean;
  ignorePaths: string[];
  disableRules: string[];
  disableProviders: string[];
  allow: AllowEntry[];
  entropy: Record<string, number>;
  rules: CustomRule[];
  baseline: string;
  /** Directory scans skip node_modules, lock files and minified bundles unless this is false. */
  defaultSkips: boolean;
}

export const DEFAULT_CONFIG: Config = {
  source: null,
  builtinRules: true,
  ignorePaths: [],
  disableRules: [],
  disableProviders: [],
  allow: [],
  entropy: {},
  rules: [],
  baseline: '.leakguard-baseline.json',
  defaultSkips: true,
};
