import { BYTES_PER_ROW, type Raster } from './raster.ts';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;

/** `ESC @`: clears whatever a previous, possibly aborted, job left in the printer's modes. */
export const INIT = Buffer.from([ESC, 0x40]);
/** `GS V 66 0`: feed to the cutter and cut partially, so the ticket hangs until torn off. */
export const PARTIAL_CUT = Buffer.from([GS, 0x56, 66, 0]);
/**
 * `ESC d 3`: three blank lines below the image. GS V 66 already advances the printed edge to the
 * cutter; this margin keeps the cut clear of the last line of text.
 */
export const FEED = Buffer.from([ESC, 0x64, 3]);

/**
 * Rows per `GS v 0` command. A printer starts a raster command only once all of its data is in
 * its buffer, vendors cap the height of one command (Epson documents 2303 rows on several models,
 * cheaper 80 mm clones have smaller, undocumented image buffers and garble or stall on overflow),
 * so a whole ticket in one command is a gamble. Bands of 256 rows (18 KB) fit any of them, and the
 * printer prints the top of the ticket while the rest is still arriving.
 */
export const BAND_ROWS = 256;

/** `GS v 0 m xL xH yL yH` for a band of `rows` rows, mode 0 (normal density). */
export function rasterHeader(bytesPerRow: number, rows: number): Buffer {
  return Buffer.from([GS, 0x76, 0x30, 0, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8]);
}

/** The whole print job for one ticket: init, the raster in bands, a feed and a partial cut. */
export function ticketBytes(raster: Raster): Buffer {
  const parts: Buffer[] = [INIT];
  for (let top = 0; top < raster.height; top += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, raster.height - top);
    parts.push(rasterHeader(BYTES_PER_ROW, rows));
    const band = raster.data.subarray(top * BYTES_PER_ROW, (top + rows) * BYTES_PER_ROW);
    parts.push(Buffer.from(band.buffer, band.byteOffset, band.byteLength));
  }
  parts.push(FEED, PARTIAL_CUT);
  return Buffer.concat(parts);
}

/**
 * `DLE EOT 1..4`: printer status, offline cause, error cause, roll paper sensor. They are real-time
 * commands: the printer answers each with one byte at once, even when offline or out of paper,
 * which is exactly when we need them.
 */
export const STATUS_QUERIES = Buffer.from([DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 3, DLE, EOT, 4]);
/** Bytes the printer sends back for `STATUS_QUERIES`, one per query. */
export const STATUS_REPLY_LENGTH = 4;

/** The printer's health as the agent reports it. */
export type PrinterStatus = {
  online: boolean;
  coverOpen: boolean;
  /** The near-end sensor sees little paper left: warn staff before the roll runs out. */
  paperLow: boolean;
  paperOut: boolean;
  /** Set when the printer reports an error (cutter jam, overheated head, …). */
  error?: string;
};

// Every DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a reply.
const FIXED_MASK = 0b1001_0011;
const FIXED_BITS = 0b0001_0010;

/** Parses the four replies to `STATUS_QUERIES`; throws on a reply of the wrong shape. */
export function parseStatus(reply: Uint8Array): PrinterStatus {
  if (reply.length !== STATUS_REPLY_LENGTH) {
    throw new RangeError(`expected ${STATUS_REPLY_LENGTH} status bytes, got ${reply.length}`);
  }
  const [printer = 0, offline = 0, error = 0, paper = 0] = reply;
  for (const byte of reply) {
    if ((byte & FIXED_MASK) !== FIXED_BITS) {
      throw new RangeError(`not a DLE EOT reply: 0x${byte.toString(16).padStart(2, '0')}`);
    }
  }
  const errors: string[] = [];
  if (error & 0x04) errors.push('mechanical error');
  if (error & 0x08) errors.push('autocutter error');
  if (error & 0x20) errors.push('unrecoverable error');
  if (error & 0x40) errors.push('auto-recoverable error (e.g. head overheated)');
  // The offline cause flags an error even when n = 3 does not say which (some clones).
  if (errors.length === 0 && offline & 0x40) errors.push('error');
  const status: PrinterStatus = {
    online: (printer & 0x08) === 0,
    coverOpen: (offline & 0x04) !== 0,
    // Each sensor is reported on two bits; some printers set only one of them, so either counts.
    paperLow: (paper & 0x0c) !== 0,
    // A printer stopped by paper end (n = 2, bit 5) is out of paper whatever n = 4 says.
    paperOut: (paper & 0x60) !== 0 || (offline & 0x20) !== 0,
  };
  if (errors.length > 0) status.error = errors.join(', ');
  return status;
}
