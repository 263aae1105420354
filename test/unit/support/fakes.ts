/** Small port fakes shared by the unit tests. */
import type { NotificationView, TrayModel } from '../../../src-shared/bridge';
import type {
  DocumentStore,
  LogFields,
  Logger,
  Notifier,
  SecretStore,
  TrayView,
} from '../../../src-main/core/ports';

export interface LogEntry {
  level: string;
  subsystem: string;
  msg: string;
  fields?: LogFields;
}

/** A Logger that keeps every line, to assert on and to scan for secrets. */
export function memoryLogger(
  entries: LogEntry[] = [],
  subsystem = 'root',
): Logger & {
  entries: LogEntry[];
} {
  const at = (level: string) => (msg: string, fields?: LogFields) => {
    entries.push({ level, subsystem, msg, fields });
  };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (name) => memoryLogger(entries, name),
  };
}

/** An in-memory keychain that records calls. */
export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, string>();
  readonly calls: string[] = [];

  async get(account: string): Promise<string | null> {
    this.calls.push(`get ${account}`);
    return this.items.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.calls.push(`set ${account}`);
    this.items.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.calls.push(`delete ${account}`);
    return this.items.delete(account);
  }
}

/** A keychain whose every call never settles (seen on GNOME desktops). */
export const hangingSecretStore: SecretStore = {
  get: () => new Promise(() => {}),
  set: () => new Promise(() => {}),
  delete: () => new Promise(() => {}),
};

/** A keychain whose every call is refused, as keytar does without a Secret Service. */
export function rejectingSecretStore(message: string): SecretStore {
  return {
    get: () => Promise.reject(new Error(message)),
    set: () => Promise.reject(new Error(message)),
    delete: () => Promise.reject(new Error(message)),
  };
}

/** A DocumentStore in memory, keeping a JSON copy like a file would. */
export class MemoryDocumentStore<T> implements DocumentStore<T> {
  json: string | null = null;
  saves = 0;

  load(): T | null {
    return this.json === null ? null : (JSON.parse(this.json) as T);
  }

  save(value: T): void {
    this.saves += 1;
    this.json = JSON.stringify(value);
  }

  clear(): void {
    this.json = null;
  }
}

export class RecordingNotifier implements Notifier {
  readonly shown: NotificationView[] = [];

  notify(notification: NotificationView): boolean {
    this.shown.push(notification);
    return true;
  }
}

export class RecordingTray implements TrayView {
  readonly renders: TrayModel[] = [];

  render(model: TrayModel): void {
    this.renders.push(model);
  }
}
