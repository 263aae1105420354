/** Plan order, as the window needs it for "which plan unlocks this" and upgrades. */
export const PLAN_ORDER = ['free', 'hobby', 'pro', 'team'] as const;
export type UpgradePlan = 'hobby' | 'pro' | 'team';

/** Rank of a plan; -1 for one this version does not know. */
export function planRank(plan: string | null | undefined): number {
  return PLAN_ORDER.indexOf(plan as (typeof PLAN_ORDER)[number]);
}

/** True when `needed` is known and above `current`; unknown plans are left to the server. */
export function isAbovePlan(needed: string, current: string | null | undefined): boolean {
  const want = planRank(needed);
  const have = planRank(current);
  return want >= 0 && have >= 0 && want > have;
}

/** The plans a person on `current` can upgrade to, lowest first. */
export function upgradesFrom(current: string | null | undefined): UpgradePlan[] {
  const have = planRank(current);
  if (have < 0) return [];
  return PLAN_ORDER.slice(have + 1) as UpgradePlan[];
}
