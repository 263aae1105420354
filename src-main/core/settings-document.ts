/**
 * The settings file: what a person set, and a notification pause that must
 * survive a restart. Hosts pass this schema to their DocumentStore so a file
 * is validated before the core trusts it. Never holds a secret.
 *
 * A file whose values this version does not all accept (a theme it does not
 * know, a switch from a newer version) keeps every value it does accept: each
 * is checked on its own and a refused one takes its default. Keys it does not
 * know are ignored, and the next change writes the file anew without them.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS, NOTIFICATION_KINDS, Settings } from '../../src-shared/bridge';
import { NOT_PAUSED } from './notification-rules';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 date');

const NotificationPause = z.object({ until: isoDate.nullable(), indefinitely: z.boolean() });

/** Version 1 of the settings file. */
export const SettingsDocumentSchema = z
  .object({
    version: z.literal(1),
    settings: Settings,
    notificationPause: NotificationPause.strict(),
  })
  .strict();
export type SettingsDocument = z.infer<typeof SettingsDocumentSchema>;

/** The names a refused value is reported under; the window words them. */
export type SettingsField = keyof Settings | 'quietHours' | 'notificationPause';

/** One value that stands on its own: where it sits in the file and what it must be. */
interface Field {
  name: SettingsField;
  path: string[];
  schema: z.ZodType;
}

const shape = Settings.shape;

/**
 * Every value checked on its own. Quiet hours, the endpoint and the pause are one
 * value each (their parts mean nothing apart); each notification switch is its own.
 */
const FIELDS: Field[] = [
  { name: 'endpoint', path: ['settings', 'endpoint'], schema: shape.endpoint },
  {
    name: 'polling',
    path: ['settings', 'polling', 'quietIntervalSeconds'],
    schema: shape.polling.shape.quietIntervalSeconds,
  },
  ...NOTIFICATION_KINDS.map((kind) => ({
    name: 'notifications' as const,
    path: ['settings', 'notifications', 'enabled', kind],
    schema: z.boolean(),
  })),
  {
    name: 'quietHours',
    path: ['settings', 'notifications', 'quietHours'],
    // Unknown keys inside are ignored like anywhere else, not a reason to reset.
    schema: z.object(shape.notifications.shape.quietHours.shape),
  },
  { name: 'startAtLogin', path: ['settings', 'startAtLogin'], schema: shape.startAtLogin },
  { name: 'theme', path: ['settings', 'theme'], schema: shape.theme },
  { name: 'language', path: ['settings', 'language'], schema: shape.language },
  { name: 'notificationPause', path: ['notificationPause'], schema: NotificationPause },
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Stands for "a part of the path is there but is no object": the value is refused. */
const BROKEN = Symbol('broken');

/** The value at `path`: undefined when absent, BROKEN when a part on the way is no object. */
function at(json: Json, path: string[]): unknown {
  let here: unknown = json;
  for (const key of path) {
    if (here === undefined) return undefined;
    if (!isObject(here)) return BROKEN;
    here = Object.hasOwn(here, key) ? here[key] : undefined;
  }
  return here;
}

/** Sets `value` at `path` of a document built here (every object on the way exists). */
function put(document: Json, path: string[], value: unknown): void {
  const last = path.length - 1;
  let here = document;
  for (const key of path.slice(0, last)) here = here[key] as Json;
  here[path[last]!] = value;
}

/** Dotted paths of keys in `json` that no field knows, for the log. */
function unknownKeys(json: Json, prefix: string[] = []): string[] {
  const depth = prefix.length;
  const under = FIELDS.filter((f) => prefix.every((key, i) => f.path[i] === key));
  const unknown: string[] = [];
  for (const key of Object.keys(json)) {
    if (depth === 0 && key === 'version') continue;
    const fields = under.filter((f) => f.path[depth] === key);
    if (fields.length === 0) unknown.push([...prefix, key].join('.'));
    const child = json[key];
    // Descend only where the key is on the way to a field, not a field itself.
    if (fields.some((f) => f.path.length > depth + 1) && isObject(child)) {
      unknown.push(...unknownKeys(child, [...prefix, key]));
    }
  }
  return unknown;
}

/**
 * Keeps every value of a version 1 settings file that this version accepts; a
 * refused one takes its default and is named in `reset`, an absent one (a file
 * from before it existed) takes its default silently. Null for anything that is
 * not a version 1 settings file at all: that file is set aside.
 */
export function salvageSettingsDocument(json: unknown): {
  value: SettingsDocument;
  reset: SettingsField[];
  ignored: string[];
} | null {
  if (!isObject(json) || json.version !== 1) return null;
  const document = structuredClone({
    version: 1,
    settings: DEFAULT_SETTINGS,
    notificationPause: NOT_PAUSED,
  }) as Json;
  const reset = new Set<SettingsField>();
  for (const field of FIELDS) {
    const raw = at(json, field.path);
    if (raw === undefined) continue;
    const parsed = field.schema.safeParse(raw);
    if (parsed.success) put(document, field.path, parsed.data);
    else reset.add(field.name);
  }
  return {
    // Built from defaults and checked values only, so the strict schema holds.
    value: SettingsDocumentSchema.parse(document),
    reset: [...reset],
    ignored: unknownKeys(json),
  };
}

/** What a host gives its DocumentStore for the settings file. */
export const SETTINGS_FILE = {
  configName: 'settings',
  schema: SettingsDocumentSchema,
  salvage: salvageSettingsDocument,
} as const;
