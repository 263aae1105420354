/**
 * The last known state of one environment and the events already raised,
 * kept in memory and in a DocumentStore so the glance and "nothing twice"
 * survive restarts.
 */
import type { NotificationView, SnapshotView } from '../../src-shared/bridge';
import { detectChanges } from './changes';
import type { Words } from './i18n';
import type { DocumentStore, Logger } from './ports';
import type { SnapshotDocument } from './snapshot-document';

/** Options of {@link SnapshotBook}. */
export interface SnapshotBookOptions {
  store: DocumentStore<SnapshotDocument>;
  /** Keychain account of the environment; a document of another one is ignored. */
  account: string;
  logger: Logger;
}

/** Holds the current snapshot and turns each new one into events, persisted first. */
export class SnapshotBook {
  readonly #o: SnapshotBookOptions;
  #snapshot: SnapshotView | null = null;
  #notifiedKeys: string[] = [];
  /** The last save failed: said once, not at every sync until one works. */
  #saveFailing = false;

  constructor(options: SnapshotBookOptions) {
    this.#o = options;
  }

  get snapshot(): SnapshotView | null {
    return this.#snapshot;
  }

  /** Reads the stored document; an unreadable one or another environment's leaves it empty. */
  load(): void {
    let document: SnapshotDocument | null = null;
    try {
      document = this.#o.store.load();
    } catch (error) {
      this.#o.logger.warn('cached snapshot could not be read; starting empty', {
        error: String(error),
      });
    }
    if (document && document.account === this.#o.account) {
      this.#snapshot = document.snapshot;
      this.#notifiedKeys = document.notifiedKeys;
    }
  }

  /**
   * Takes a new snapshot and returns the events to raise. Saved before the caller
   * notifies: a crash in between loses a notification rather than doubling it.
   */
  record(next: SnapshotView, words?: Words): NotificationView[] {
    const changes = detectChanges(this.#snapshot, next, this.#notifiedKeys, words);
    this.#snapshot = next;
    this.#notifiedKeys = changes.notifiedKeys;
    try {
      this.#o.store.save({
        version: 1,
        account: this.#o.account,
        snapshot: next,
        notifiedKeys: changes.notifiedKeys,
      });
      this.#saveFailing = false;
    } catch (error) {
      if (!this.#saveFailing) {
        this.#o.logger.error('snapshot could not be saved', { error: String(error) });
      }
      this.#saveFailing = true;
    }
    return changes.events;
  }

  /**
   * Marks an event as already known without raising it: a deployment the
   * person started here needs no "started" notification. Saved with the next snapshot.
   */
  remember(key: string): void {
    if (!this.#notifiedKeys.includes(key)) this.#notifiedKeys = [...this.#notifiedKeys, key];
  }

  /** Forgets the account's glance (sign-out); the next snapshot is a fresh baseline. */
  forget(): void {
    this.#snapshot = null;
    this.#notifiedKeys = [];
    try {
      this.#o.store.clear();
    } catch (error) {
      this.#o.logger.error('cached snapshot could not be cleared', { error: String(error) });
    }
  }
}
