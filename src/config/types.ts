/** The config as a run uses it: every key of schema/config.schema.json filled in (from its defaults when the file leaves it out). */
import { CONFIG_DEFAULTS, type ConfigFile } from './schema-types';

export type { AllowEntry, ConfigFile, CustomRule } from './schema-types';

export type Config = Required<Omit<ConfigFile, '$schema'>> & {
  /** Where the config was read from (for messages), or null for the defaults. */
  source: string | null;
};

export const DEFAULT_CONFIG: Config = { source: null, ...CONFIG_DEFAULTS };
