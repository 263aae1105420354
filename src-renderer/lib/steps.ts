/**
 * The steps a deployment walks through, as the detail view lists them. Only
 * the known phases are listed; an unknown status leaves them all open.
 */
import { t } from './i18n';

export type StepState = 'done' | 'now' | 'open' | 'failed';

export interface StepView {
  id: string;
  label: string;
  state: StepState;
}

const PHASES = ['queued', 'provisioning', 'deploying', 'succeeded'] as const;

/** A step as the API names it ("pulling images"), in words where known, as it came otherwise. */
export function stepName(step: string): string {
  const key = step.trim().toLowerCase();
  return Object.hasOwn(t.detail.apiSteps, key) ? (t.detail.apiSteps[key] as string) : step;
}

/** The phases with their state for `status`; a failed one ends at a "failed" step. */
export function deploymentSteps(
  status: string | null | undefined,
  step: string | null,
): StepView[] {
  const names = t.detail.stepNames;
  const label = (id: string) => names[id] ?? id;
  const at = PHASES.indexOf(status as (typeof PHASES)[number]);
  if (status === 'failed') {
    // The contract does not say in which phase it stopped; the step text does, in words.
    return [
      { id: 'queued', label: label('queued'), state: 'done' },
      {
        id: 'failed',
        label: step ? stepName(step) : t.deployments.status.failed || 'failed',
        state: 'failed',
      },
    ];
  }
  return PHASES.map((id, index) => ({
    id,
    label: label(id),
    state:
      at < 0
        ? 'open'
        : index < at || status === 'succeeded'
          ? 'done'
          : index === at
            ? 'now'
            : 'open',
  }));
}
