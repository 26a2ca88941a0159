import type { EventStore } from './outbox/event-store.ts';

/** The part of the cloud link the publisher needs. */
export interface EventSink {
  readonly online: boolean;
  publishEvents(batch: { events: Record<string, unknown>[] }): Promise<void>;
}

export interface PublisherOptions {
  readonly batchSize?: number;
  /** Batches awaiting their PUBACK at once: pipelining keeps a drain after an outage fast. */
  readonly inFlight?: number;
}

/**
 * Drains the outbox to the cloud: oldest first, in batches, each deleted only after its PUBACK.
 * A failed batch stays in the outbox and goes again on the next kick (reconnect, new event).
 * Batches may land out of order between them; the cloud folds events idempotently and in any
 * order, so that is safe, and it makes the drain several times faster.
 */
export class Publisher {
  readonly #batchSize: number;
  readonly #inFlight: number;
  #draining: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly sink: EventSink,
    options: PublisherOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 100;
    this.#inFlight = options.inFlight ?? 4;
  }

  /** Starts a drain unless one runs; a kick during a drain makes it look again at the end. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#draining) {
      this.#again = true;
      return;
    }
    this.#draining = this.#drain().finally(() => {
      this.#draining = undefined;
      if (this.#again && this.sink.online) {
        this.#again = false;
        this.kick();
      }
    });
  }

  /** Resolves when the current drain (if any) has finished. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#draining;
  }

  async #drain(): Promise<void> {
    while (!this.#stopped && this.sink.online) {
      const pending = this.store.pending(this.#batchSize * this.#inFlight);
      if (pending.length === 0) return;
      const batches: (typeof pending)[] = [];
      for (let i = 0; i < pending.length; i += this.#batchSize)
        batches.push(pending.slice(i, i + this.#batchSize));
      const results = await Promise.allSettled(
        batches.map(async (batch) => {
          await this.sink.publishEvents({ events: batch.map((e) => e.body as Record<string, unknown>) });
          this.store.acknowledge(batch.map((e) => e.id));
        }),
      );
      if (results.some((r) => r.status === 'rejected')) return;
    }
  }
}
