import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_QUERIES, ticketBytes } from '../../../../edge-agent/src/devices/printer/escpos.ts';
import {
  type EscPosCommand,
  EscPosDecoder,
} from '../../../../edge-agent/src/devices/printer/escpos-decoder.ts';
import { blankRaster, fillDots } from '../../../../edge-agent/src/devices/printer/raster.ts';

const kinds = (commands: EscPosCommand[]) => commands.map((command) => command.kind);

describe('Class: EscPosDecoder', () => {
  describe('Method: push', () => {
    it('reads a ticket job back as init, raster bands, feed and cut', () => {
      const raster = blankRaster(300);
      fillDots(raster, 0, 0, 576, 300);

      const commands = new EscPosDecoder().push(ticketBytes(raster));

      expect(kinds(commands)).toEqual(['init', 'raster', 'raster', 'feed', 'cut']);
      const bands = commands.filter((command) => command.kind === 'raster');
      expect(bands.map((band) => [band.bytesPerRow, band.rows, band.mode])).toEqual([
        [72, 256, 0],
        [72, 44, 0],
      ]);
      expect(commands.at(-1)).toMatchObject({ kind: 'cut', partial: true });
    });

    it('reads the four status queries', () => {
      const commands = new EscPosDecoder().push(STATUS_QUERIES);

      expect(commands.map((command) => (command.kind === 'status' ? command.n : 0))).toEqual([1, 2, 3, 4]);
    });

    it('takes DLE EOT bytes inside raster data as image data, not as a status query', () => {
      const raster = blankRaster(1);
      raster.data.set([0x10, 0x04, 0x01]);

      const commands = new EscPosDecoder().push(ticketBytes(raster));

      expect(kinds(commands)).toEqual(['init', 'raster', 'feed', 'cut']);
    });

    it('decodes the same commands however the bytes are split across chunks', () => {
      const raster = blankRaster(40);
      fillDots(raster, 10, 5, 100, 20);
      const job = Buffer.concat([STATUS_QUERIES, ticketBytes(raster)]);
      const whole = new EscPosDecoder().push(job);

      fc.assert(
        fc.property(
          fc.uniqueArray(fc.integer({ min: 1, max: job.length - 1 }), { maxLength: 12 }),
          (cuts) => {
            const decoder = new EscPosDecoder();
            const bounds = [0, ...cuts.sort((a, b) => a - b), job.length];
            const commands = bounds.slice(1).flatMap((end, i) => decoder.push(job.subarray(bounds[i], end)));
            expect(commands.map((command) => command.bytes)).toEqual(whole.map((command) => command.bytes));
            expect(decoder.pendingLength).toBe(0);
          },
        ),
      );
    });

    it('waits for the rest of a raster command before decoding it', () => {
      const bytes = ticketBytes(blankRaster(10));
      const decoder = new EscPosDecoder();

      const first = decoder.push(bytes.subarray(0, 50));

      expect(kinds(first)).toEqual(['init']);
      expect(decoder.pendingLength).toBe(48);
      expect(kinds(decoder.push(bytes.subarray(50)))).toEqual(['raster', 'feed', 'cut']);
    });
  });
});
