/**
 * The StackKit the window deploys in one click. The catalog itself lives in
 * src-shared, which the renderer may import types from only; typing this copy
 * against it makes a change there a compile error here.
 */
import type { STACKKITS } from '../../src-shared/kombify-api';

type StackKit = Pick<(typeof STACKKITS)[number], 'id' | 'name'>;

export const BASE_KIT: StackKit = { id: 'base-kit', name: 'Base Kit' };
