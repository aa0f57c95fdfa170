/**
 * A provider's whole playbook, for pages that know no finding (`leakguard explain`, docs/providers,
 * the SARIF help of a rule): how urgent a key is by where it is, the rotation steps, and notes.
 */
import type { Playbook } from '../rules/types';
import { rotationSteps, type Step } from './step';
import { URGENCY_BY_PLACE } from './urgency';

export interface ProviderPlaybook {
  provider: string;
  envVars: string[];
  playbook: Playbook;
}

export interface ProviderRemedy {
  provider: string;
  urgency: typeof URGENCY_BY_PLACE;
  steps: Step[];
  notes: string[];
  docs?: string;
}

export function providerRemedy(pb: ProviderPlaybook): ProviderRemedy {
  return {
    provider: pb.provider,
    urgency: URGENCY_BY_PLACE,
    steps: rotationSteps({ playbook: pb.playbook, vars: pb.envVars }),
    notes: pb.playbook.notes ?? [],
    docs: pb.playbook.docs,
  };
}
