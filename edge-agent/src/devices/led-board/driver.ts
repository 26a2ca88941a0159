import { toBoardText } from './board-text.ts';
import { encodeFrame, type LedProtocol } from './frames.ts';
import type { SerialTransport } from './serial-transport.ts';

/** Boards on a shared RS-485 bus drop frames that follow each other closer than this. */
export const DEFAULT_FRAME_GAP_MS = 300;

export interface LedBoardDriverOptions {
  /** The bus; the driver owns it from now on and closes it on stop(). */
  readonly transport: SerialTransport;
  readonly protocol: LedProtocol;
  /** The board address (ASCII) or Modbus unit of a counter's board. */
  readonly addressOf: (counter: number) => number;
  /** Silence on the bus between the end of one frame and the start of the next. */
  readonly gapMs?: number;
  /**
   * Pads texts with spaces to this many characters, so a shorter text overwrites all of a
   * longer one on boards that keep what they are not sent (many Modbus boards do).
   */
  readonly width?: number;
}

/** The driver stopped before a text reached its board. */
export class LedBoardStoppedError extends Error {
  override readonly name = 'LedBoardStoppedError';
  constructor() {
    super('the LED board driver stopped before the text was sent');
  }
}

interface Pending {
  bytes: Buffer;
  readonly waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/**
 * Drives the counter boards on one bus: one frame at a time, at least `gapMs` apart. When
 * texts arrive faster than the bus takes them, each board keeps its place in the queue but
 * only its latest text is sent: a board must show the current call, not replay old ones.
 */
export class LedBoardDriver {
  readonly #transport: SerialTransport;
  readonly #protocol: LedProtocol;
  readonly #addressOf: (counter: number) => number;
  readonly #gapMs: number;
  readonly #width: number;
  /** By board address; a Map keeps insertion order, so boards are served first come first. */
  readonly #queue = new Map<number, Pending>();
  #running = false;
  #writing: Promise<void> | undefined;
  #gapTimer: NodeJS.Timeout | undefined;

  constructor({
    transport,
    protocol,
    addressOf,
    gapMs = DEFAULT_FRAME_GAP_MS,
    width = 0,
  }: LedBoardDriverOptions) {
    this.#transport = transport;
    this.#protocol = protocol;
    this.#addressOf = addressOf;
    this.#gapMs = gapMs;
    this.#width = width;
  }

  start(): void {
    this.#running = true;
  }

  /** Drops the texts not sent yet (their show() rejects), lets the frame on the wire finish, closes the bus. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#gapTimer);
    this.#gapTimer = undefined;
    for (const pending of this.#queue.values()) {
      for (const waiter of pending.waiters) waiter.reject(new LedBoardStoppedError());
    }
    this.#queue.clear();
    await this.#writing;
    await this.#transport.close();
  }

  /**
   * Shows `text` on the board of `counter`. Resolves once it (or a newer text for the same
   * board) is on the bus; rejects if the write fails or the driver stops first.
   */
  show(counter: number, text: string): Promise<void> {
    if (!this.#running) return Promise.reject(new Error('the LED board driver is not started'));
    let bytes: Buffer;
    let address: number;
    try {
      address = this.#addressOf(counter);
      // Padded after transliteration, so the width counts what the board shows.
      bytes = encodeFrame(this.#protocol, address, toBoardText(text).padEnd(this.#width));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      // Setting an address already queued keeps its place: latest text, first-come order.
      const pending = this.#queue.get(address) ?? { bytes, waiters: [] };
      pending.bytes = bytes;
      pending.waiters.push({ resolve, reject });
      this.#queue.set(address, pending);
      this.#pump();
    });
  }

  /** Sends the next frame if the bus is free and the gap since the last frame has passed. */
  #pump(): void {
    if (!this.#running || this.#writing || this.#gapTimer) return;
    const next = this.#queue.entries().next();
    if (next.done) return;
    const [address, pending] = next.value;
    this.#queue.delete(address);
    // Through an async function, so a transport that throws instead of rejecting is handled alike.
    this.#writing = (async () => this.#transport.write(pending.bytes))()
      .then(
        () => {
          for (const waiter of pending.waiters) waiter.resolve();
        },
        (error: unknown) => {
          for (const waiter of pending.waiters) waiter.reject(error);
        },
      )
      .finally(() => {
        this.#writing = undefined;
        // The gap counts from the end of the write: the frame is then fully on the wire.
        if (this.#running) {
          this.#gapTimer = setTimeout(() => {
            this.#gapTimer = undefined;
            this.#pump();
          }, this.#gapMs);
        }
      });
  }
}
