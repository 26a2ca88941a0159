import type { EventStore, StoredEvent } from './outbox/event-store.ts';

/** The part of the cloud link the publisher needs. */
export interface EventSink {
  readonly online: boolean;
  publishEvents(batch: { events: Record<string, unknown>[] }): Promise<void>;
}

export interface PublisherOptions {
  /** At most this many events in one message. */
  readonly batchSize?: number;
  /**
   * At most about this many bytes in one message. The device SDK's socket stalls ~40 ms on
   * messages over ~8 KB (Nagle with delayed ACKs; it offers no TCP_NODELAY), so small
   * messages with several in flight drain several times faster than big ones.
   */
  readonly batchBytes?: number;
  /** Messages awaiting their PUBACK at once. */
  readonly inFlight?: number;
}

/**
 * Drains the outbox to the cloud, oldest first, as a sliding window of batches: each batch is
 * deleted from the outbox only after its PUBACK, and the next one is sent as soon as any
 * finishes. A failed batch stays in the outbox and goes again at the next kick (reconnect,
 * new event). Batches may land out of order; the cloud folds events idempotently and in any
 * order, so that is safe.
 */
export class Publisher {
  readonly #batchSize: number;
  readonly #batchBytes: number;
  readonly #inFlight: number;
  readonly #sending = new Set<string>();
  #running = 0;
  #failed = false;
  #stopped = false;
  #idle: Promise<void> = Promise.resolve();
  #settle: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly sink: EventSink,
    options: PublisherOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 100;
    this.#batchBytes = options.batchBytes ?? 7_500;
    this.#inFlight = options.inFlight ?? 8;
  }

  /** Fills the window with what is pending; cheap to call on every new event. */
  kick(): void {
    if (this.#stopped || !this.sink.online) return;
    this.#failed = false;
    while (this.#running < this.#inFlight) {
      const batch = this.#nextBatch();
      if (batch.length === 0) break;
      this.#send(batch);
    }
  }

  /** Resolves when no batch is in flight. */
  idle(): Promise<void> {
    return this.#idle;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#idle;
  }

  #nextBatch(): StoredEvent[] {
    // The oldest pending events that are not already on their way.
    const pending = this.store.pending(this.#sending.size + this.#batchSize);
    const batch: StoredEvent[] = [];
    let bytes = 0;
    for (const event of pending) {
      if (this.#sending.has(event.id)) continue;
      const size = JSON.stringify(event.body).length + 1;
      if (batch.length > 0 && (bytes + size > this.#batchBytes || batch.length >= this.#batchSize)) break;
      batch.push(event);
      bytes += size;
    }
    return batch;
  }

  #send(batch: StoredEvent[]): void {
    const ids = batch.map((e) => e.id);
    for (const id of ids) this.#sending.add(id);
    this.#running += 1;
    if (!this.#settle) this.#idle = new Promise((resolve) => (this.#settle = resolve));
    this.sink
      .publishEvents({ events: batch.map((e) => e.body as Record<string, unknown>) })
      .then(
        () => this.store.acknowledge(ids),
        () => {
          // Stays in the outbox; stop filling the window until the next kick (e.g. reconnect).
          this.#failed = true;
        },
      )
      .finally(() => {
        for (const id of ids) this.#sending.delete(id);
        this.#running -= 1;
        if (!this.#failed && !this.#stopped) this.kick();
        if (this.#running === 0) {
          this.#settle?.();
          this.#settle = undefined;
        }
      });
  }
}
