/** One ESC/POS command as a printer would read it, with the bytes it was sent as. */
export type EscPosCommand = { bytes: Buffer } & (
  | { kind: 'init' }
  | { kind: 'raster'; mode: number; bytesPerRow: number; rows: number; data: Buffer }
  | { kind: 'feed' }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'status'; n: number }
  /** A byte this decoder does not know; a printer would print it as text or ignore it. */
  | { kind: 'other' }
);

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const LF = 0x0a;

/**
 * Splits a stream of ESC/POS bytes into the commands our printers are sent: enough of the language
 * to check a job and play the printer in tests, not a general interpreter. Bytes may arrive in any
 * split; an incomplete command waits for the next chunk.
 */
export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);

  /** Feeds a chunk; returns the commands it completes, in order. */
  push(chunk: Uint8Array): EscPosCommand[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const commands: EscPosCommand[] = [];
    let at = 0;
    for (;;) {
      const command = decodeAt(this.pending, at);
      if (!command) break;
      commands.push(command);
      at += command.bytes.length;
    }
    this.pending = this.pending.subarray(at);
    return commands;
  }

  /** Bytes received that do not yet form a whole command. */
  get pendingLength(): number {
    return this.pending.length;
  }
}

/** The command starting at `at`, or undefined when more bytes are needed. */
function decodeAt(buf: Buffer, at: number): EscPosCommand | undefined {
  if (at >= buf.length) return undefined;
  const need = (length: number) => (at + length <= buf.length ? buf.subarray(at, at + length) : undefined);
  const first = buf[at];
  const second = buf[at + 1];
  if (first === ESC) {
    if (second === undefined) return undefined;
    if (second === 0x40) return withBytes(need(2), { kind: 'init' });
    // ESC d n (feed n lines) and ESC J n (feed n dots).
    if (second === 0x64 || second === 0x4a) return withBytes(need(3), { kind: 'feed' });
  }
  if (first === GS) {
    if (second === undefined) return undefined;
    if (second === 0x76) return rasterAt(buf, at);
    if (second === 0x56) return cutAt(buf, at);
  }
  if (first === DLE) {
    if (second === undefined) return undefined;
    const n = buf[at + 2];
    if (second === 0x04) return n === undefined ? undefined : withBytes(need(3), { kind: 'status', n });
  }
  if (first === LF) return withBytes(need(1), { kind: 'feed' });
  return withBytes(need(1), { kind: 'other' });
}

function withBytes<T extends object>(
  bytes: Buffer | undefined,
  command: T,
): (T & { bytes: Buffer }) | undefined {
  return bytes && { ...command, bytes };
}

/** `GS v 0 m xL xH yL yH d1…dk` with k = (xL + 256·xH) · (yL + 256·yH). */
function rasterAt(buf: Buffer, at: number): EscPosCommand | undefined {
  if (at + 8 > buf.length) return undefined;
  const header = (i: number) => buf[at + i] ?? 0;
  const bytesPerRow = header(4) + 256 * header(5);
  const rows = header(6) + 256 * header(7);
  const end = at + 8 + bytesPerRow * rows;
  if (end > buf.length) return undefined;
  return {
    kind: 'raster',
    mode: header(3),
    bytesPerRow,
    rows,
    data: buf.subarray(at + 8, end),
    bytes: buf.subarray(at, end),
  };
}

/** `GS V m` (m = 0, 1, 48, 49) or `GS V m n` (m = 65, 66: feed n, then cut). */
function cutAt(buf: Buffer, at: number): EscPosCommand | undefined {
  const m = buf[at + 2];
  if (m === undefined) return undefined;
  const length = m === 65 || m === 66 ? 4 : 3;
  if (at + length > buf.length) return undefined;
  // m = 1, 49 and 66 cut partially; 0, 48 and 65 cut fully.
  const partial = m >= 65 ? m === 66 : m === 1 || m === 49;
  return { kind: 'cut', partial, bytes: buf.subarray(at, at + length) };
}
