/**
 * The settings file: what a person set, and a notification pause that must
 * survive a restart. Hosts pass this schema to their DocumentStore so a file
 * is validated before the core trusts it. Never holds a secret.
 */
import { z } from 'zod';
import { Settings } from '../../src-shared/bridge';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date');

/** Version 1 of the settings file. */
export const SettingsDocumentSchema = z
  .object({
    version: z.literal(1),
    settings: Settings,
    notificationPause: z.object({ until: isoDate.nullable(), indefinitely: z.boolean() }).strict(),
  })
  .strict();
export type SettingsDocument = z.infer<typeof SettingsDocumentSchema>;
