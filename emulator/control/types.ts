/** A control handler: the parsed JSON body in, a JSON-able reply out. */
import type { EmulatorApp } from '../app';

export type Handler = (app: EmulatorApp, body: Record<string, unknown>) => unknown;
