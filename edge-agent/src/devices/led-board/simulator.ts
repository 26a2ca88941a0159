import { type DecodedFrame, decodeFrame, type LedProtocol } from './frames.ts';
import type { SerialTransport } from './serial-transport.ts';

/** One frame as the boards received it. */
export interface SimulatedFrame {
  /** When the write began (ms, from the simulator's clock). */
  readonly at: number;
  readonly bytes: Buffer;
  readonly decoded: DecodedFrame;
}

export interface LedBoardSimulatorOptions {
  readonly protocol: LedProtocol;
  /** The clock; Date.now by default, which fake timers control. */
  readonly now?: () => number;
  /** How long a write takes on the wire, in ms (0: instant); simulated with a timer. */
  readonly wireMs?: number;
}

/**
 * A bus of boards in memory, for tests and for running the agent without hardware: it
 * decodes every frame as a board would, checking the CRC, and rejects one a board would drop.
 */
export class LedBoardSimulator implements SerialTransport {
  readonly frames: SimulatedFrame[] = [];
  readonly #shown = new Map<number, string>();
  readonly #protocol: LedProtocol;
  readonly #now: () => number;
  readonly #wireMs: number;
  #failure: Error | undefined;
  #closed = false;

  constructor({ protocol, now = Date.now, wireMs = 0 }: LedBoardSimulatorOptions) {
    this.#protocol = protocol;
    this.#now = now;
    this.#wireMs = wireMs;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** What the board at `address` shows now, if it was ever written. */
  textOf(address: number): string | undefined {
    return this.#shown.get(address);
  }

  /** Makes the next write fail with `error`, as an unplugged adapter would. */
  failNextWrite(error: Error): void {
    this.#failure = error;
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.#closed) throw new Error('the port is closed');
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure) throw failure;
    const at = this.#now();
    const decoded = decodeFrame(this.#protocol, bytes);
    if (this.#wireMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#wireMs));
    this.frames.push({ at, bytes: Buffer.from(bytes), decoded });
    this.#shown.set(decoded.address, decoded.text);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}
