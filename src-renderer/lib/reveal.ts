/** Bringing a part of a screen into view and focus, after the screen that holds it has rendered. */
import { tick } from 'svelte';

/** Parts a next step or a notification can lead to, by their `data-reveal` name. */
export type RevealTarget = 'homelab' | 'subscription' | 'deployments';

export async function reveal(target: RevealTarget): Promise<void> {
  await tick();
  const part = document.querySelector<HTMLElement>(`[data-reveal="${target}"]`);
  if (!part) return;
  const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  part.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  part.focus({ preventScroll: true });
}
