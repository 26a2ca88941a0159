import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { localDateOf, localMinutesOf, parseInstant } from '#domain/time';
import { BYTES_PER_ROW, blankRaster, fillDots, packRgba, RASTER_WIDTH, type Raster } from './raster.ts';

export type { Raster } from './raster.ts';

/** What a queue ticket says. */
export type TicketContent = {
  wardName: string;
  fieldName: string;
  /** The queue number, e.g. `B012`. */
  number: string;
  /** ISO-8601 with +07:00. */
  issuedAt: string;
  /** People waiting ahead in the same field. */
  ahead: number;
  /** The page where the citizen follows the queue on a phone; encoded in the QR. */
  followUrl: string;
};

// The ticket reaches the printer as an image because Vietnamese code pages differ between printer
// vendors (some print blanks). DejaVu has every Vietnamese letter with its stacked diacritics (ễ, ặ, ữ…) in all its faces, and
// ships as an npm dependency, so the agent renders the same ticket on every mini-PC whatever fonts
// the OS has. Registered under our own family names so a system copy of DejaVu cannot shadow it.
const fonts = createRequire(import.meta.url);
const REGULAR = 'MotcuaTicketSans';
const BOLD = 'MotcuaTicketSansBold';
const NUMBER = 'MotcuaTicketCondensedBold';
GlobalFonts.registerFromPath(fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), REGULAR);
GlobalFonts.registerFromPath(fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), BOLD);
GlobalFonts.registerFromPath(fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'), NUMBER);

const MARGIN = 24;
const CONTENT_WIDTH = RASTER_WIDTH - 2 * MARGIN;
/** Largest QR drawn, in dots (~33 mm): big enough for any phone camera at arm's length. */
const QR_TARGET = 264;
/** Height of the queue number's glyphs at most (~25 mm at 8 dots/mm), readable across the hall. */
const NUMBER_MAX_PX = 200;

// Text is drawn one line at a time on a small canvas created once: a Skia surface costs more to
// create than a ticket costs to draw, and reading pixels back from a surface over ~1 MB took
// 5–10 ms where this 576 × 256 strip takes well under one.
const STRIP_ROWS = 256;
const strip = createCanvas(RASTER_WIDTH, STRIP_ROWS);
const ctx = strip.getContext('2d');
ctx.textAlign = 'center';
ctx.textBaseline = 'alphabetic';

/** A horizontal slice of the ticket: its height, and how to put its dots into the raster. */
type Block = { height: number; paint?: (raster: Raster, top: number) => void };

/** Renders a ticket as the 1-bit raster the printer prints (576 dots wide, height as needed). */
export function renderTicket(content: TicketContent): Raster {
  const blocks: Block[] = [
    gap(MARGIN),
    ...textLines(wardTitle(content.wardName), BOLD, 30),
    gap(8),
    rule(3),
    gap(12),
    ...textLines(`Lĩnh vực: ${content.fieldName}`, BOLD, 28),
    gap(8),
    ...textLines('SỐ THỨ TỰ', REGULAR, 22),
    bigNumber(content.number),
    gap(8),
    ...textLines(`Thời gian: ${localClock(content.issuedAt)}`, REGULAR, 26),
    ...textLines(`Số người đang chờ trước bạn: ${content.ahead}`, REGULAR, 26),
    qrCode(content.followUrl),
    ...textLines('Quét mã để theo dõi lượt gọi', REGULAR, 22),
    gap(MARGIN),
  ];
  const raster = blankRaster(blocks.reduce((sum, block) => sum + block.height, 0));
  let top = 0;
  for (const block of blocks) {
    block.paint?.(raster, top);
    top += block.height;
  }
  return raster;
}

/** The header: the ward name as given when it already names the committee, else `UBND <ward>`. */
function wardTitle(wardName: string): string {
  const name = wardName.trim();
  return /^(UBND|Ủy ban|Uỷ ban)\s/iu.test(name) ? name : `UBND ${name}`;
}

/** `HH:MM dd/mm/yyyy` in local time, as Vietnamese forms write it. */
function localClock(issuedAt: string): string {
  const instant = parseInstant(issuedAt);
  const minutes = localMinutesOf(instant);
  const [year, month, day] = localDateOf(instant).split('-');
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm} ${day}/${month}/${year}`;
}

function gap(height: number): Block {
  return { height };
}

function rule(thickness: number): Block {
  return {
    height: thickness,
    paint: (raster, top) => fillDots(raster, MARGIN, top, CONTENT_WIDTH, thickness),
  };
}

/** Centred text wrapped at word boundaries, one block per line. */
function textLines(value: string, family: string, px: number): Block[] {
  const font = `${px}px ${family}`;
  ctx.font = font;
  // 1.12 em above the baseline holds capitals with stacked marks (Ễ, Ỗ); 0.33 em below holds
  // descenders and the dot below (ạ, ợ).
  const height = Math.round(px * 1.45);
  const baseline = Math.round(px * 1.12);
  return wrap(value).map((line) => ({
    height,
    paint: (raster, top) =>
      drawStrip(raster, top, height, () => {
        ctx.font = font;
        // maxWidth squeezes a single word too long for the paper instead of cutting it off.
        ctx.fillText(line, RASTER_WIDTH / 2, baseline, CONTENT_WIDTH);
      }),
  }));
}

function wrap(value: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > CONTENT_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  return line ? [...lines, line] : lines;
}

/** The queue number as large as the paper allows, its block trimmed to the glyphs' own height. */
function bigNumber(value: string): Block {
  ctx.font = `${NUMBER_MAX_PX}px ${NUMBER}`;
  const wide = ctx.measureText(value).width;
  const px = wide > CONTENT_WIDTH ? Math.floor((NUMBER_MAX_PX * CONTENT_WIDTH) / wide) : NUMBER_MAX_PX;
  const font = `${px}px ${NUMBER}`;
  ctx.font = font;
  const metrics = ctx.measureText(value);
  const pad = 12;
  const ascent = Math.ceil(metrics.actualBoundingBoxAscent);
  const height = Math.min(STRIP_ROWS, ascent + Math.ceil(metrics.actualBoundingBoxDescent) + 2 * pad);
  return {
    height,
    paint: (raster, top) =>
      drawStrip(raster, top, height, () => {
        ctx.font = font;
        ctx.fillText(value, RASTER_WIDTH / 2, pad + ascent);
      }),
  };
}

/** Draws on the strip canvas, thresholds its top `rows` rows and copies them into the raster. */
function drawStrip(raster: Raster, top: number, rows: number, draw: () => void): void {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, RASTER_WIDTH, rows);
  ctx.fillStyle = '#000';
  draw();
  raster.data.set(packRgba(ctx.getImageData(0, 0, RASTER_WIDTH, rows).data, rows).data, top * BYTES_PER_ROW);
}

/**
 * The QR, drawn straight into the raster as one square of whole dots per module: no scaling or
 * anti-aliasing can blur a module edge that the phone's decoder relies on. The light margin
 * around it is the 4-module quiet zone the standard asks for.
 */
function qrCode(url: string): Block {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const moduleDots = Math.max(3, Math.floor(QR_TARGET / (size + 8)));
  const quiet = 4 * moduleDots;
  const left = Math.floor((RASTER_WIDTH - size * moduleDots) / 2);
  return {
    height: size * moduleDots + 2 * quiet,
    paint: (raster, top) => {
      for (let row = 0; row < size; row++) {
        for (let col = 0; col < size; col++) {
          if (!modules.data[row * size + col]) continue;
          fillDots(raster, left + col * moduleDots, top + quiet + row * moduleDots, moduleDots, moduleDots);
        }
      }
    },
  };
}
