/**
 * The shapes of rules/<provider>.yaml, as written by people, come from schema/provider.schema.json (made into
 * types by the build); here are the shapes the build compiles them into.
 */
import type { ProviderSpec, RuleSpec } from '../config/schema-types';
export type { Playbook, ProviderSpec, RuleSpec, Severity, VerifySpec } from '../config/schema-types';

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
