import { PNG } from 'pngjs';
import { packRgba, RASTER_WIDTH, type Raster, toGray } from './raster.ts';

/** Encodes a raster as an 8-bit grayscale PNG (black on white) that a person can open. */
export function rasterToPng(raster: Raster): Buffer {
  const png = new PNG({ width: RASTER_WIDTH, height: raster.height, colorType: 0, inputColorType: 0 });
  png.data = Buffer.from(toGray(raster).buffer);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** Reads a 576-wide PNG back into a raster (dark below mid-grey = black). */
export function pngToRaster(png: Buffer): Raster {
  const image = PNG.sync.read(png);
  if (image.width !== RASTER_WIDTH)
    throw new RangeError(`expected a ${RASTER_WIDTH}-dot wide image, got ${image.width}`);
  return packRgba(image.data, image.height);
}
