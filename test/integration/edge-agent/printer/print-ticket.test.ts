import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketBytes } from '../../../../edge-agent/src/devices/printer/escpos.ts';
import { NetworkPrinter } from '../../../../edge-agent/src/devices/printer/network-printer.ts';
import { getDot, type Raster } from '../../../../edge-agent/src/devices/printer/raster.ts';
import { pngToRaster } from '../../../../edge-agent/src/devices/printer/raster-png.ts';
import { type PrintedJob, PrinterSimulator } from '../../../../edge-agent/src/devices/printer/simulator.ts';
import {
  renderTicket,
  type TicketContent,
} from '../../../../edge-agent/src/devices/printer/ticket-render.ts';
import { type Finder, findFinderPatterns } from './qr-finder.ts';

const sample: TicketContent = {
  wardName: 'Phường Hải Châu',
  fieldName: 'Chứng thực',
  number: 'B012',
  issuedAt: '2026-03-02T08:30:00+07:00',
  ahead: 3,
  followUrl: 'https://motcua.danang.gov.vn/hang-doi/hai-chau/B012?ngay=2026-03-02',
};

describe('Class: NetworkPrinter against PrinterSimulator', () => {
  const simulator = new PrinterSimulator();
  let printer: NetworkPrinter;
  let raster: Raster;
  let job: PrintedJob;
  let printedAt: { before: number; after: number };

  const now = () => performance.timeOrigin + performance.now();

  beforeAll(async () => {
    const { port } = await simulator.start();
    printer = new NetworkPrinter({ host: '127.0.0.1', port, timeoutMs: 2000 });
    raster = renderTicket(sample);
    const arrived = new Promise<PrintedJob>((resolve) => simulator.onJob(resolve));
    const before = now();
    await printer.print(ticketBytes(raster));
    printedAt = { before, after: now() };
    job = await arrived;
  });
  afterAll(() => simulator.stop());

  describe('Method: print', () => {
    it('delivers the job byte for byte', () => {
      expect(simulator.jobs).toHaveLength(1);
      expect(job.bytes.equals(ticketBytes(raster))).toBe(true);
    });

    it('prints an image that decodes back to the same size and the same bits as the raster', () => {
      const decoded = pngToRaster(job.png);

      expect(decoded.width).toBe(576);
      expect(decoded.height).toBe(raster.height);
      expect(Buffer.from(decoded.data).equals(Buffer.from(raster.data))).toBe(true);
      expect(simulator.lastPng()?.equals(job.png)).toBe(true);

      // Kept outside the repo for a person to look at.
      const file = join(mkdtempSync(join(tmpdir(), 'motcua-printer-')), 'ticket.png');
      writeFileSync(file, job.png);
      console.info(`sample ticket decoded by the simulator: ${file}`);
    });

    it('prints a QR with its three finder patterns and exactly the modules of the follow URL', () => {
      const decoded = pngToRaster(job.png);
      const finders = findFinderPatterns(decoded).filter((f) => f.hits >= f.module);
      expect(finders).toHaveLength(3);

      const [topLeft, topRight, bottomLeft] = corners(finders);
      const module = topLeft.module;
      expect(Math.abs(topRight.y - topLeft.y)).toBeLessThan(1);
      expect(Math.abs(bottomLeft.x - topLeft.x)).toBeLessThan(1);
      expect(Math.abs(topRight.x - topLeft.x - (bottomLeft.y - topLeft.y))).toBeLessThan(1);

      // Sample every module centre and compare with what the encoder makes of the URL: the same
      // matrix means a phone reads the same URL.
      const { modules } = QRCode.create(sample.followUrl, { errorCorrectionLevel: 'M' });
      expect(Math.round((topRight.x - topLeft.x) / module) + 7).toBe(modules.size);
      const left = topLeft.x - 3.5 * module;
      const top = topLeft.y - 3.5 * module;
      const mismatches: string[] = [];
      for (let row = 0; row < modules.size; row++) {
        for (let col = 0; col < modules.size; col++) {
          const dark = getDot(
            decoded,
            Math.floor(left + (col + 0.5) * module),
            Math.floor(top + (row + 0.5) * module),
          );
          if (dark !== Boolean(modules.data[row * modules.size + col])) mismatches.push(`${row},${col}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('signals the job when its last byte arrives, before print() resolves', () => {
      expect(job.receivedAt).toBeGreaterThanOrEqual(printedAt.before);
      expect(job.receivedAt).toBeLessThanOrEqual(printedAt.after);
    });
  });

  describe('Class: PrinterSimulator', () => {
    it('keeps only the last jobs it was told to keep', async () => {
      const small = new PrinterSimulator({ keepJobs: 2 });
      const { port } = await small.start();
      try {
        const client = new NetworkPrinter({ host: '127.0.0.1', port });
        for (const ahead of [1, 2, 3]) await client.print(ticketBytes(renderTicket({ ...sample, ahead })));

        expect(small.jobs).toHaveLength(2);
        expect(
          Buffer.from(small.jobs[1]?.raster.data ?? []).equals(
            Buffer.from(renderTicket({ ...sample, ahead: 3 }).data),
          ),
        ).toBe(true);
      } finally {
        await small.stop();
      }
    });
  });
});

/** Top-left, top-right and bottom-left finder patterns. */
function corners(finders: Finder[]): [Finder, Finder, Finder] {
  const byCorner = [...finders].sort((a, b) => a.x + a.y - (b.x + b.y));
  const [topLeft, p, q] = byCorner;
  if (!topLeft || !p || !q) throw new Error('expected three finder patterns');
  return p.x > q.x ? [topLeft, p, q] : [topLeft, q, p];
}
