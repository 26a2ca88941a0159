/** Dots across 80 mm paper at 203 dpi (8 dots/mm): the printable width of our ticket printers. */
export const RASTER_WIDTH = 576;
/** Bytes in one raster row: 8 dots per byte. */
export const BYTES_PER_ROW = RASTER_WIDTH / 8;

/** A 1-bit image as the printer takes it: row-major, MSB first, 72 bytes per row, 1 = black. */
export type Raster = { width: typeof RASTER_WIDTH; height: number; data: Uint8Array };

/** An empty (all white) raster of the given height. */
export function blankRaster(height: number): Raster {
  return { width: RASTER_WIDTH, height, data: new Uint8Array(BYTES_PER_ROW * height) };
}

/** True when the dot at (x, y) is black. */
export function getDot(raster: Raster, x: number, y: number): boolean {
  const byte = raster.data[y * BYTES_PER_ROW + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/** Blackens the dots of a rectangle, clipped to the raster. */
export function fillDots(raster: Raster, x: number, y: number, w: number, h: number): void {
  const x0 = Math.max(0, x);
  const x1 = Math.min(RASTER_WIDTH, x + w);
  const y0 = Math.max(0, y);
  const y1 = Math.min(raster.height, y + h);
  for (let row = y0; row < y1; row++) {
    const base = row * BYTES_PER_ROW;
    for (let col = x0; col < x1; col++) {
      const k = base + (col >> 3);
      raster.data[k] = (raster.data[k] ?? 0) | (0x80 >> (col & 7));
    }
  }
}

/**
 * Packs the top `height` rows of RGBA pixels (576 wide) into a raster: a dot is black when its
 * luminance is below `threshold`. A fixed threshold rather than dithering, because the ticket is
 * text and a QR: dithering would fray glyph edges and QR modules that a phone must read.
 */
export function packRgba(rgba: Uint8Array | Uint8ClampedArray, height: number, threshold = 128): Raster {
  const raster = blankRaster(height);
  const out = raster.data;
  // Integer luma (BT.601 weights ×1000) keeps the loop free of floats: it runs over ~500k pixels.
  const limit = threshold * 1000;
  let p = 0;
  for (let i = 0; i < out.length; i++) {
    let byte = 0;
    for (let bit = 0x80; bit !== 0; bit >>= 1, p += 4) {
      const luma = (rgba[p] ?? 255) * 299 + (rgba[p + 1] ?? 255) * 587 + (rgba[p + 2] ?? 255) * 114;
      if (luma < limit) byte |= bit;
    }
    out[i] = byte;
  }
  return raster;
}

/** Expands a raster to 8-bit grayscale (0 = black, 255 = white), one byte per dot. */
export function toGray(raster: Raster): Uint8Array {
  const gray = new Uint8Array(RASTER_WIDTH * raster.height).fill(255);
  for (let i = 0; i < raster.data.length; i++) {
    const byte = raster.data[i] ?? 0;
    if (byte === 0) continue;
    for (let b = 0; b < 8; b++) if (byte & (0x80 >> b)) gray[i * 8 + b] = 0;
  }
  return gray;
}
