import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_ROW,
  blankRaster,
  fillDots,
  getDot,
  packRgba,
  RASTER_WIDTH,
  toGray,
} from '../../../../edge-agent/src/devices/printer/raster.ts';

/** RGBA pixels, 576 wide, white except where `dark(x, y)` gives the grey level to paint. */
function rgba(height: number, dark: (x: number, y: number) => number | undefined): Uint8Array {
  const pixels = new Uint8Array(RASTER_WIDTH * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < RASTER_WIDTH; x++) {
      const level = dark(x, y);
      if (level === undefined) continue;
      const p = (y * RASTER_WIDTH + x) * 4;
      pixels.set([level, level, level, 255], p);
    }
  }
  return pixels;
}

describe('Function: packRgba', () => {
  it('packs 8 dots per byte, most significant bit first, 72 bytes per row, 1 = black', () => {
    // Prepare: row 0 has black dots at 0, 7, 8 and 575; row 1 alternates black and white.
    const pixels = rgba(2, (x, y) => {
      if (y === 0) return [0, 7, 8, 575].includes(x) ? 0 : undefined;
      return x % 2 === 0 ? 0 : undefined;
    });

    // Act
    const raster = packRgba(pixels, 2);

    // Assess
    expect(raster.width).toBe(576);
    expect(raster.height).toBe(2);
    expect(raster.data.length).toBe(2 * BYTES_PER_ROW);
    expect(raster.data[0]).toBe(0b1000_0001);
    expect(raster.data[1]).toBe(0b1000_0000);
    expect([...raster.data.subarray(2, 71)].every((byte) => byte === 0)).toBe(true);
    expect(raster.data[71]).toBe(0b0000_0001);
    expect([...raster.data.subarray(72, 144)].every((byte) => byte === 0b1010_1010)).toBe(true);
  });

  it('turns grey darker than the threshold black and the rest white', () => {
    const pixels = rgba(1, (x) => (x === 0 ? 127 : x === 1 ? 128 : undefined));

    const raster = packRgba(pixels, 1);

    expect(getDot(raster, 0, 0)).toBe(true);
    expect(getDot(raster, 1, 0)).toBe(false);
  });

  it('weighs colour by luminance (pure blue is dark, pure yellow is light)', () => {
    const pixels = new Uint8Array(RASTER_WIDTH * 4).fill(255);
    pixels.set([0, 0, 255, 255], 0);
    pixels.set([255, 255, 0, 255], 4);

    const raster = packRgba(pixels, 1);

    expect(getDot(raster, 0, 0)).toBe(true);
    expect(getDot(raster, 1, 0)).toBe(false);
  });
});

describe('Function: fillDots', () => {
  it('blackens a rectangle across byte boundaries and clips it to the raster', () => {
    const raster = blankRaster(3);

    fillDots(raster, 3, 1, 10, 1);
    fillDots(raster, 570, 2, 20, 5);

    expect(raster.data[BYTES_PER_ROW]).toBe(0b0001_1111);
    expect(raster.data[BYTES_PER_ROW + 1]).toBe(0b1111_1000);
    expect(raster.data[2 * BYTES_PER_ROW + 71]).toBe(0b0011_1111);
    expect(raster.data.length).toBe(3 * BYTES_PER_ROW);
    expect([...raster.data.subarray(0, BYTES_PER_ROW)].every((byte) => byte === 0)).toBe(true);
  });
});

describe('Function: toGray', () => {
  it('expands each dot to one byte: 0 for black, 255 for white', () => {
    const raster = blankRaster(1);
    fillDots(raster, 1, 0, 2, 1);

    const gray = toGray(raster);

    expect(gray.length).toBe(RASTER_WIDTH);
    expect([...gray.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
  });
});
