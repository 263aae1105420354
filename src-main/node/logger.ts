/**
 * The Logger port over pino: JSON lines to a file (and optionally stderr),
 * one child per subsystem, every line redacted at the sink by ./redact.
 */
import pino from 'pino';
import type { LogFields, Logger } from '../core/ports';
import { redactLine } from './redact';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Log file; its folder is created when missing. */
  file: string;
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Also write each (redacted) line to stderr. */
  stderr?: boolean;
}

/** A Logger that also lets a host flush and close the file at quit. */
export interface NodeLogger extends Logger {
  close(): void;
}

/** Creates the app's root logger. */
export function createLogger(options: CreateLoggerOptions): NodeLogger {
  // Synchronous writes: a line logged just before a crash or quit is not lost.
  const file = pino.destination({ dest: options.file, mkdir: true, sync: true });
  const sink = {
    write(line: string): void {
      const safe = redactLine(line);
      file.write(safe);
      if (options.stderr) process.stderr.write(safe);
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
