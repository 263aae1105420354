/**
 * The window's own failures, sent to main's log (where secrets are redacted
 * like in any other line): uncaught errors and unhandled rejections. At most
 * a few a minute go out, so a render loop that throws cannot flood main; the
 * next line sent says how many were held back.
 */

type Level = 'info' | 'warn' | 'error';

export interface WindowErrorOptions {
  now?: () => number;
  /** Lines sent at most per minute. Default 10. */
  perMinute?: number;
}

/** What the bridge's `log` accepts. */
const MAX_MESSAGE = 2000;

/** A script address without its query or fragment: the browser host's key lives in the fragment. */
function where(event: ErrorEvent): string {
  if (!event.filename) return '';
  const file = event.filename.replace(/[?#].*$/, '');
  return ` at ${file}:${event.lineno}:${event.colno}`;
}

function describe(reason: unknown): string {
  if (reason instanceof Error) {
    const stack = reason.stack ?? '';
    const head = `${reason.name}: ${reason.message}`;
    return stack.includes(reason.message) ? stack.replace(/^[^\n]*/, head) : `${head}\n${stack}`;
  }
  try {
    return typeof reason === 'string' ? reason : JSON.stringify(reason);
  } catch {
    return String(reason);
  }
}

/** Starts forwarding from `target` (the window); returns the way to stop. */
export function forwardWindowErrors(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  log: (level: Level, message: string) => void,
  options: WindowErrorOptions = {},
): () => void {
  const now = options.now ?? Date.now;
  const perMinute = options.perMinute ?? 10;
  let sent: number[] = [];
  let held = 0;

  const send = (message: string) => {
    const at = now();
    sent = sent.filter((t) => at - t < 60_000);
    if (sent.length >= perMinute) {
      held += 1;
      return;
    }
    sent.push(at);
    const note = held > 0 ? ` (${held} more held back)` : '';
    held = 0;
    log('error', `${message}${note}`.slice(0, MAX_MESSAGE));
  };
  const onError = (event: ErrorEvent) => {
    const detail = event.error instanceof Error ? `\n${describe(event.error)}` : '';
    send(`uncaught error: ${event.message}${where(event)}${detail}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    send(`unhandled rejection: ${describe(event.reason)}`);
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
