/**
 * The Logger port over pino: JSON lines to a file (and optionally stderr),
 * one child per subsystem, every line redacted at the sink by ./redact.
 */
import pino from 'pino';
import roll from 'pino-roll';
import type { LogFields, Logger } from '../core/ports';
import { redactLine } from './redact';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /**
   * Log file name, e.g. `logs/main.log`; its folder is created when missing. Files roll by
   * size as `main.1.log`, `main.2.log`, …, and only the newest few are kept.
   */
  file: string;
  /** Roll to a new file past this size (pino-roll units: '5m', '500k'). */
  maxSize?: string;
  /** Rolled files kept beside the current one. */
  keep?: number;
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Also write warnings and errors (redacted) to stderr, for a host run in a terminal. */
  stderr?: boolean;
}

/** A Logger that also lets a host flush and close the file at quit. */
export interface NodeLogger extends Logger {
  /** The file being written now. */
  readonly file: string;
  /** Resolves once the file next rolls and the oldest are removed (tests wait on it). */
  nextRoll(): Promise<void>;
  close(): void;
}

/** Creates the app's root logger. */
export async function createLogger(options: CreateLoggerOptions): Promise<NodeLogger> {
  // Synchronous writes: a line logged just before a crash or quit is not lost.
  const file = await roll({
    file: options.file,
    size: options.maxSize ?? '5m',
    limit: { count: options.keep ?? 4 },
    mkdir: true,
    sync: true,
    mode: 0o600,
  });
  const sink = {
    write(line: string): void {
      const safe = redactLine(line);
      file.write(safe);
      if (options.stderr && /"level":"(warn|error|fatal)"/.test(safe)) process.stderr.write(safe);
    },
  };
  const root = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
  return {
    ...wrap(root, null),
    get file() {
      return file.file;
    },
    nextRoll: () => new Promise<void>((resolve) => file.once('cleanup-complete', () => resolve())),
    close: () => {
      file.flushSync();
      file.end();
    },
  };
}

function wrap(target: pino.Logger, name: string | null): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (msg: string, fields?: LogFields): void => {
      target[level](fields ?? {}, msg);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (subsystem) => {
      // Nested children read as a path ("core.session") instead of overwriting the name.
      const full = name === null ? subsystem : `${name}.${subsystem}`;
      return wrap(target.child({ subsystem: full }), full);
    },
  };
}
