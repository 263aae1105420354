/**
 * Deployment lifecycle, computed from the record and the emulator clock
 * rather than driven by timers: the same clock reading always gives the
 * same status, which keeps tests deterministic at any speed.
 */
import { iso } from './clock';
import type { DeploymentRecord } from './model';

interface Phase {
  status: string;
  step: string;
  from: number;
  to: number;
  progressFrom: number;
  progressTo: number;
}

/** About six seconds from queued to succeeded at speed 1. */
export const PHASES: readonly Phase[] = [
  {
    status: 'queued',
    step: 'waiting for a runner',
    from: 0,
    to: 1000,
    progressFrom: 0,
    progressTo: 0,
  },
  {
    status: 'provisioning',
    step: 'preparing the homelab',
    from: 1000,
    to: 3000,
    progressFrom: 5,
    progressTo: 40,
  },
  {
    status: 'deploying',
    step: 'pulling images',
    from: 3000,
    to: 4500,
    progressFrom: 40,
    progressTo: 70,
  },
  {
    status: 'deploying',
    step: 'starting services',
    from: 4500,
    to: 6000,
    progressFrom: 70,
    progressTo: 99,
  },
];
/** From creation to `succeeded`, in emulator ms. */
export const TOTAL_MS = 6000;
/** How long `deleting` lasts before the deployment is gone (404). */
export const DELETE_MS = 2000;

/** A failure step may name a phase status or a step; returns the phase index or -1. */
export function findFailPhase(step: string): number {
  return PHASES.findIndex((p) => p.step === step || p.status === step);
}

/** The contract's Deployment body, as seen at emulator time `now`. */
export interface DeploymentView {
  id: string;
  name: string;
  stackkit: string;
  homelab_id: string;
  status: string;
  progress: number;
  step: string | null;
  error: null | { code: string; message: string };
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** True once the deployment's deletion has completed: it no longer exists. */
export function isGone(rec: DeploymentRecord, now: number): boolean {
  return rec.delete_requested_at !== null && now >= rec.delete_requested_at + DELETE_MS;
}

function progressAt(phase: Phase, elapsed: number): number {
  const span = phase.to - phase.from;
  const ratio = span <= 0 ? 1 : Math.min(1, Math.max(0, (elapsed - phase.from) / span));
  return Math.round(phase.progressFrom + (phase.progressTo - phase.progressFrom) * ratio);
}

/** Where a deployment is in its lifecycle, ignoring deletion. */
interface Lifecycle {
  status: string;
  progress: number;
  step: string | null;
  error: null | { code: string; message: string };
  updated: number;
  finished: number | null;
}

/** The lifecycle at `now`, derived from the record alone. */
function lifecycle(rec: DeploymentRecord, now: number): Lifecycle {
  const elapsed = Math.max(0, now - rec.created_at);
  const failIndex = rec.outcome.fail ? findFailPhase(rec.outcome.fail.step) : -1;
  if (rec.outcome.fail && failIndex >= 0) {
    const phase = PHASES[failIndex] as Phase;
    const failAt = phase.from + Math.floor((phase.to - phase.from) / 2);
    if (elapsed >= failAt) {
      const finished = rec.created_at + failAt;
      return {
        status: 'failed',
        progress: progressAt(phase, failAt),
        step: phase.step,
        error: { code: rec.outcome.fail.code, message: rec.outcome.fail.message },
        updated: finished,
        finished,
      };
    }
  }
  if (elapsed >= TOTAL_MS) {
    const finished = rec.created_at + TOTAL_MS;
    return {
      status: 'succeeded',
      progress: 100,
      step: null,
      error: null,
      updated: finished,
      finished,
    };
  }
  const phase = PHASES.find((p) => elapsed >= p.from && elapsed < p.to) ?? (PHASES[0] as Phase);
  return {
    status: phase.status,
    progress: progressAt(phase, elapsed),
    step: phase.step,
    error: null,
    updated: rec.created_at + phase.from,
    finished: null,
  };
}

/** The deployment as a client sees it at `now` (callers check isGone first). */
export function viewDeployment(rec: DeploymentRecord, now: number): DeploymentView {
  const life = lifecycle(rec, now);
  const deleting = rec.delete_requested_at !== null;
  return {
    id: rec.id,
    name: rec.name,
    stackkit: rec.stackkit,
    homelab_id: rec.homelab_id,
    status: deleting ? 'deleting' : (rec.status_override ?? life.status),
    progress: life.progress,
    step: deleting ? 'removing services' : life.step,
    error: life.error,
    created_at: iso(rec.created_at),
    updated_at: iso(deleting ? (rec.delete_requested_at as number) : life.updated),
    finished_at: life.finished === null ? null : iso(life.finished),
  };
}

/** Whether the deployment counts against the `stacks` quota at `now`. */
export function usesStackQuota(rec: DeploymentRecord, now: number): boolean {
  // Asking to delete frees the slot at once, so a user can replace a stack right away.
  if (rec.delete_requested_at !== null) return false;
  return lifecycle(rec, now).status !== 'failed';
}
