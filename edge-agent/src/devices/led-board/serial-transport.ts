import { SerialPort } from 'serialport';

/** A byte pipe to the RS-485 bus of the counter boards. */
export interface SerialTransport {
  /** Resolves once the bytes have left the port, so the caller can pace the bus. */
  write(bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** The serial line settings; boards default to 9600 8N1. */
export interface SerialSettings {
  /** e.g. /dev/ttyUSB0, or better a stable /dev/serial/by-id/… name. */
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits: 8 | 7;
  readonly parity: 'none' | 'even' | 'odd';
  readonly stopBits: 1 | 2;
}

export const DEFAULT_SERIAL_SETTINGS: SerialSettings = {
  path: '/dev/ttyUSB0',
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
};

type Callback = (error: Error | null | undefined) => void;

/** The part of a serialport `SerialPort` used here; `SerialPortMock` has it too, for tests. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: Callback): void;
  write(bytes: Buffer, callback: Callback): boolean;
  drain(callback: Callback): void;
  close(callback: Callback): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The bus through a USB RS-485 adapter, with the `serialport` package. Such adapters switch
 * the line direction by themselves, so nothing here drives RTS.
 */
export class SerialPortTransport implements SerialTransport {
  /** The latest error the port reported on its own (e.g. unplugged), given to the next write. */
  #error: Error | undefined;
  readonly #onError = (error: Error) => {
    this.#error = error;
  };

  private constructor(
    private readonly port: SerialPortLike,
    private readonly writeTimeoutMs: number,
  ) {
    // serialport emits 'error' events; with no listener one would crash the agent.
    port.on('error', this.#onError);
  }

  /**
   * Opens a port (not yet open) and wraps it. A write not done within `writeTimeoutMs` fails
   * (a 246-character frame takes 0.27 s at 9600 baud; a stuck adapter would take forever).
   */
  static async open(port: SerialPortLike, { writeTimeoutMs = 2000 } = {}): Promise<SerialPortTransport> {
    await callbackToPromise((done) => port.open(done));
    return new SerialPortTransport(port, writeTimeoutMs);
  }

  async write(bytes: Buffer): Promise<void> {
    const error = this.#error;
    this.#error = undefined;
    if (error) throw error;
    // serialport queues writes to a closed port until it opens again, which for an unplugged
    // adapter is never: refuse instead, so the driver does not wait forever.
    if (!this.port.isOpen) throw new Error('the serial port is not open');
    await withTimeout(this.writeTimeoutMs, async () => {
      await callbackToPromise((done) => this.port.write(bytes, done));
      // drain() waits for tcdrain: the bytes are on the wire, not just in a buffer.
      await callbackToPromise((done) => this.port.drain(done));
    });
  }

  async close(): Promise<void> {
    if (this.port.isOpen) await callbackToPromise((done) => this.port.close(done));
    this.port.off('error', this.#onError);
  }
}

/** Opens the RS-485 port of the boards (default /dev/ttyUSB0, 9600 8N1). */
export function openSerialTransport(settings: Partial<SerialSettings> = {}): Promise<SerialPortTransport> {
  const port = new SerialPort({ ...DEFAULT_SERIAL_SETTINGS, ...settings, autoOpen: false });
  return SerialPortTransport.open(port);
}

async function withTimeout(ms: number, run: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`serial write not done after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function callbackToPromise(run: (done: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => run((error) => (error ? reject(error) : resolve())));
}
