/**
 * The Logger port over pino: JSON lines to a file (and optionally stderr),
 * one child per subsystem, every line redacted at the sink by ./redact.
 * A log folder that cannot be written never stops the app: it logs to stderr
 * only, says so once, and reports it through `problem`.
 */
import { dirname } from 'node:path';
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
  /** Called once when the log file cannot be written (at start or later). */
  onProblem?: (problem: LogProblem) => void;
}

/** The log file cannot be written: the folder it should be in, and the system's error code. */
export interface LogProblem {
  folder: string;
  cause: string;
}

/** A Logger that also lets a host flush and close the file at quit. */
export interface NodeLogger extends Logger {
  /** The file being written now (or that would be, while `problem` says it cannot). */
  readonly file: string;
  /** Set once the log file cannot be written; lines then go to stderr only. */
  readonly problem: LogProblem | null;
  /** Resolves once the file next rolls and the oldest are removed (tests wait on it). */
  nextRoll(): Promise<void>;
  close(): void;
}

function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
}

type RollStream = Awaited<ReturnType<typeof roll>>;

/** Creates the app's root logger. */
export async function createLogger(options: CreateLoggerOptions): Promise<NodeLogger> {
  const folder = dirname(options.file);
  let problem: LogProblem | null = null;
  let file: RollStream | null = null;
  const giveUp = (error: unknown): void => {
    file = null;
    if (problem) return;
    problem = { folder, cause: causeOf(error) };
    const line = JSON.stringify({
      level: 'warn',
      time: new Date().toISOString(),
      pid: process.pid,
      msg: 'the log folder cannot be written; logging to stderr only',
      folder,
      error: String(error),
    });
    process.stderr.write(redactLine(line));
    options.onProblem?.(problem);
  };
  try {
    // Synchronous writes: a line logged just before a crash or quit is not lost.
    file = await roll({
      file: options.file,
      size: options.maxSize ?? '5m',
      limit: { count: options.keep ?? 4 },
      mkdir: true,
      sync: true,
      mode: 0o600,
    });
    // A roll or write that fails later (disk full, folder removed) must not crash the app.
    file.on('error', giveUp);
  } catch (error) {
    giveUp(error);
  }
  const sink = {
    write(line: string): void {
      const safe = redactLine(line);
      if (file) {
        try {
          file.write(safe);
        } catch (error) {
          giveUp(error);
        }
      }
      // Without a file, every line goes to stderr: it is the only log there is.
      const loud = /"level":"(warn|error|fatal)"/.test(safe);
      if (!file || (options.stderr && loud)) process.stderr.write(safe);
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
      return (file as RollStream | null)?.file ?? options.file;
    },
    get problem() {
      return problem;
    },
    nextRoll: () =>
      new Promise<void>((resolve) => {
        if (file) file.once('cleanup-complete', () => resolve());
      }),
    close: () => {
      const open = file as RollStream | null;
      if (!open) return;
      try {
        open.flushSync();
        open.end();
      } catch (error) {
        giveUp(error);
      }
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
