import { describe, expect, it } from 'vitest';
import {
  BAND_ROWS,
  parseStatus,
  rasterHeader,
  STATUS_QUERIES,
  ticketBytes,
} from '../../../../edge-agent/src/devices/printer/escpos.ts';
import { BYTES_PER_ROW, blankRaster, fillDots } from '../../../../edge-agent/src/devices/printer/raster.ts';

const INIT = [0x1b, 0x40];
const FEED_AND_CUT = [0x1b, 0x64, 3, 0x1d, 0x56, 66, 0];

describe('Function: ticketBytes', () => {
  it('frames a short raster as init, one GS v 0 band, a feed and a partial cut', () => {
    // Prepare: 3 rows with a known pattern.
    const raster = blankRaster(3);
    fillDots(raster, 0, 0, 8, 1);
    fillDots(raster, 575, 2, 1, 1);

    // Act
    const bytes = ticketBytes(raster);

    // Assess: GS v 0, mode 0, xL xH = 72 0 (bytes per row), yL yH = 3 0 (rows).
    expect([...bytes.subarray(0, 2)]).toEqual(INIT);
    expect([...bytes.subarray(2, 10)]).toEqual([0x1d, 0x76, 0x30, 0, 72, 0, 3, 0]);
    expect(bytes.subarray(10, 10 + 3 * BYTES_PER_ROW)).toEqual(Buffer.from(raster.data));
    expect([...bytes.subarray(-7)]).toEqual(FEED_AND_CUT);
    expect(bytes.length).toBe(2 + 8 + 3 * BYTES_PER_ROW + 7);
  });

  it(`splits a tall raster into bands of at most ${BAND_ROWS} rows, in order`, () => {
    const raster = blankRaster(600);
    for (let row = 0; row < 600; row++) fillDots(raster, row % 576, row, 1, 1);

    const bytes = ticketBytes(raster);

    const headers: number[][] = [];
    const data: Buffer[] = [];
    let at = 2;
    for (const rows of [256, 256, 88]) {
      headers.push([...bytes.subarray(at, at + 8)]);
      data.push(bytes.subarray(at + 8, at + 8 + rows * BYTES_PER_ROW));
      at += 8 + rows * BYTES_PER_ROW;
    }
    expect(headers).toEqual([
      [0x1d, 0x76, 0x30, 0, 72, 0, 0, 1],
      [0x1d, 0x76, 0x30, 0, 72, 0, 0, 1],
      [0x1d, 0x76, 0x30, 0, 72, 0, 88, 0],
    ]);
    expect(Buffer.concat(data)).toEqual(Buffer.from(raster.data));
    expect([...bytes.subarray(at)]).toEqual(FEED_AND_CUT);
  });
});

describe('Function: rasterHeader', () => {
  it('writes width in bytes and height in rows little-endian', () => {
    expect([...rasterHeader(72, 700)]).toEqual([0x1d, 0x76, 0x30, 0, 0x48, 0x00, 0xbc, 0x02]);
    expect([...rasterHeader(300, 1)]).toEqual([0x1d, 0x76, 0x30, 0, 0x2c, 0x01, 0x01, 0x00]);
  });
});

describe('Constant: STATUS_QUERIES', () => {
  it('asks DLE EOT 1, 2, 3 and 4 in that order', () => {
    expect([...STATUS_QUERIES]).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4]);
  });
});

describe('Function: parseStatus', () => {
  // Replies to DLE EOT 1..4 of a healthy printer: only the fixed bits 1 and 4 are set.
  const OK = 0x12;
  const status = (printer = OK, offline = OK, error = OK, paper = OK) =>
    parseStatus(Uint8Array.from([printer, offline, error, paper]));

  it('reads a healthy printer as online with nothing to report', () => {
    expect(status()).toEqual({ online: true, coverOpen: false, paperLow: false, paperOut: false });
  });

  it('reads DLE EOT 1 bit 3 as offline', () => {
    expect(status(OK | 0x08).online).toBe(false);
  });

  it('reads DLE EOT 2 bit 2 as cover open', () => {
    expect(status(OK, OK | 0x04).coverOpen).toBe(true);
  });

  it('reads DLE EOT 2 bit 5 (stopped by paper end) as paper out', () => {
    expect(status(OK, OK | 0x20).paperOut).toBe(true);
  });

  it('reads DLE EOT 2 bit 6 as an error even when DLE EOT 3 names none', () => {
    expect(status(OK, OK | 0x40).error).toBe('error');
  });

  it.each([
    [0x04, 'mechanical error'],
    [0x08, 'autocutter error'],
    [0x20, 'unrecoverable error'],
    [0x40, 'auto-recoverable error (e.g. head overheated)'],
  ])('reads DLE EOT 3 value %i as %s', (bit, message) => {
    expect(status(OK, OK, OK | bit).error).toBe(message);
  });

  it('lists every error DLE EOT 3 reports', () => {
    expect(status(OK, OK | 0x40, OK | 0x08 | 0x20).error).toBe('autocutter error, unrecoverable error');
  });

  it.each([0x04, 0x08, 0x0c])('reads DLE EOT 4 near-end bits %i as paper low', (bits) => {
    expect(status(OK, OK, OK, OK | bits)).toMatchObject({ paperLow: true, paperOut: false });
  });

  it.each([0x20, 0x40, 0x60])('reads DLE EOT 4 paper-end bits %i as paper out', (bits) => {
    expect(status(OK, OK, OK, OK | bits)).toMatchObject({ paperOut: true });
  });

  it('reads a printer out of paper as the ESC/POS reference shows it', () => {
    expect(status(0x1a, 0x32, OK, 0x7e)).toEqual({
      online: false,
      coverOpen: false,
      paperLow: true,
      paperOut: true,
    });
  });

  it('rejects a reply of the wrong length', () => {
    expect(() => parseStatus(Uint8Array.from([OK, OK, OK]))).toThrow(RangeError);
  });

  it.each([0x00, 0xff, 0x13, 0x92])('rejects %i, whose fixed bits are wrong', (byte) => {
    expect(() => status(OK, byte)).toThrow(/not a DLE EOT reply/);
  });
});
