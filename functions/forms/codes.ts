import { code128, type DrawingContext } from 'bwip-js/node';
import QRCode from 'qrcode';

/**
 * The dossier code as a QR code and a Code 128 barcode, as geometry rather than pictures, so
 * the PDF and the HTML preview draw them as vectors: sharp on any printer, a few hundred bytes.
 */

/** A QR code: `size` × `size` modules. */
export interface QrMatrix {
  readonly size: number;
  isDark(x: number, y: number): boolean;
}

/**
 * Error correction M: a creased or stamped receipt still scans. A dossier code stays version 2;
 * a lookup link of up to 106 characters at most version 6, whose modules are still over half a
 * millimetre on the 24 mm code.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (x, y) => modules.data[y * modules.size + x] === 1 };
}

/** A linear barcode: bars as offsets and widths in modules, `width` modules wide in all. */
export interface Barcode {
  readonly width: number;
  readonly bars: readonly { readonly x: number; readonly width: number }[];
}

/** Code 128 of `text` (hand scanners at the counter read it), without the human-readable line. */
export function code128Bars(text: string): Barcode {
  const bars: { x: number; width: number }[] = [];
  let width = 0;
  // bwip-js draws through a context; this one only records the bars it is asked to stroke.
  const recorder: DrawingContext<Barcode> = {
    scale: () => [1, 1],
    measure: () => ({ width: 0, ascent: 0, descent: 0 }),
    init: (w) => {
      width = w;
    },
    line: (x0, _y0, _x1, _y1, lw) => {
      bars.push({ x: x0 - lw / 2, width: lw });
    },
    polygon: () => {},
    hexagon: () => {},
    ellipse: () => {},
    fill: () => {},
    text: () => {},
    end: () => ({ width, bars }),
  };
  return code128({ bcid: 'code128', text, scale: 1, height: 10, includetext: false }, recorder);
}
