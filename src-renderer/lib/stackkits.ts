/**
 * The StackKits the window offers. The catalog itself lives in src-shared,
 * which the renderer may import types from only (its zod schemas would grow
 * the bundle); typing this copy against it makes a change there a compile
 * error here. Names and summaries to show come from the messages.
 */
import type { STACKKITS } from '../../src-shared/kombify-api';
import { t } from './i18n';

type StackKit = Pick<(typeof STACKKITS)[number], 'id' | 'name'>;

export const BASE_KIT: StackKit = { id: 'base-kit', name: 'Base Kit' };

/** Every kit, in the catalog's order. */
export const KITS: readonly StackKit[] = [
  BASE_KIT,
  { id: 'modern-homelab', name: 'Modern Homelab' },
  { id: 'ha-kit', name: 'HA Kit' },
];

/** A kit's name to show ("Modern Homelab"); a kit this version does not know keeps its id. */
export function kitName(id: string | null | undefined): string {
  if (!id) return '—';
  return Object.hasOwn(t.stackkits.kits, id) ? (t.stackkits.kits[id]?.name ?? id) : id;
}
