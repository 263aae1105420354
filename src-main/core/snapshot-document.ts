/**
 * The persisted glance: the last snapshot, the environment it belongs to, and
 * the keys of events already raised. Hosts pass this schema to their
 * DocumentStore so a file is validated before the core trusts it.
 */
import { z } from 'zod';
import { Deployment, Subscription, User } from '../../src-shared/kombify-api';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date');

/** Zod schema of SnapshotView (src-shared/bridge.ts). */
export const SnapshotSchema = z.object({
  fetchedAt: isoDate,
  user: User.nullable(),
  subscription: Subscription.nullable(),
  deployments: z.array(Deployment),
});

/** Version 1 of the snapshot file. Holds no secret: tokens live only in the keychain. */
export const SnapshotDocumentSchema = z.object({
  version: z.literal(1),
  /** Keychain account of the environment (`name|apiUrl`): another endpoint's glance is ignored. */
  account: z.string(),
  snapshot: SnapshotSchema.nullable(),
  /** Keys of events already raised or deliberately skipped, newest last. */
  notifiedKeys: z.array(z.string()),
});
export type SnapshotDocument = z.infer<typeof SnapshotDocumentSchema>;

/** Keys kept across restarts; old ones fall off so the file stays small. */
export const MAX_NOTIFIED_KEYS = 1000;
