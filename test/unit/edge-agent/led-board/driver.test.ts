import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LedBoardDriver, LedBoardStoppedError } from '../../../../edge-agent/src/devices/led-board/driver.ts';
import type { LedProtocol } from '../../../../edge-agent/src/devices/led-board/frames.ts';
import { LedBoardSimulator } from '../../../../edge-agent/src/devices/led-board/simulator.ts';

/** Counter n has the board at address 10 + n, so a mix-up of the two would show. */
const addressOf = (counter: number) => 10 + counter;

function setup({ protocol = 'ascii' as LedProtocol, wireMs = 0, width = 0 } = {}) {
  const bus = new LedBoardSimulator({ protocol, wireMs });
  const driver = new LedBoardDriver({ transport: bus, protocol, addressOf, width });
  driver.start();
  const texts = () => bus.frames.map((f) => `${f.decoded.address}:${f.decoded.text}`);
  const gaps = () => bus.frames.slice(1).map((f, i) => f.at - (bus.frames[i]?.at ?? 0));
  return { bus, driver, texts, gaps };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Class: LedBoardDriver', () => {
  describe('Method: show', () => {
    it('sends the first frame at once, to the board of the counter, without diacritics', async () => {
      const { bus, driver } = setup();
      await driver.show(3, 'B012 Quầy 3');
      expect(bus.frames).toHaveLength(1);
      expect(bus.frames[0]?.decoded).toEqual({ address: 13, text: 'B012 Quay 3' });
      expect(bus.textOf(13)).toBe('B012 Quay 3');
    });

    it('keeps 300 ms between frames on the bus', async () => {
      const { driver, texts, gaps } = setup();
      const shown = [driver.show(1, 'A001'), driver.show(2, 'B001'), driver.show(3, 'C001')];
      await vi.advanceTimersByTimeAsync(299);
      expect(texts()).toEqual(['11:A001']);
      await vi.advanceTimersByTimeAsync(1);
      expect(texts()).toEqual(['11:A001', '12:B001']);
      await vi.advanceTimersByTimeAsync(300);
      await Promise.all(shown);
      expect(gaps()).toEqual([300, 300]);
    });

    it('counts the 300 ms from the end of a frame, when writes take time on the wire', async () => {
      const { driver, gaps } = setup({ wireMs: 25 });
      const shown = [driver.show(1, 'A001'), driver.show(2, 'B001'), driver.show(1, 'A002')];
      await vi.advanceTimersByTimeAsync(2000);
      await Promise.all(shown);
      expect(gaps()).toEqual([325, 325]);
    });

    it('sends only the latest text of a board when a backlog builds, in the order boards asked', async () => {
      // Prepare
      const { driver, texts } = setup();
      const first = driver.show(1, 'A001');

      // Act: while A001 is out, three texts queue up, two of them for board 1.
      const board2 = driver.show(2, 'B001');
      const stale = driver.show(1, 'A002');
      const latest = driver.show(1, 'A003');
      await vi.advanceTimersByTimeAsync(1000);

      // Assess
      await Promise.all([first, board2, stale, latest]);
      expect(texts()).toEqual(['11:A001', '12:B001', '11:A003']);
    });

    it('leaves every board showing its latest text, with no two frames closer than 300 ms', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              after: fc.integer({ min: 0, max: 700 }),
              counter: fc.integer({ min: 1, max: 4 }),
              text: fc.string({ maxLength: 8 }),
            }),
            { minLength: 1, maxLength: 30 },
          ),
          async (calls) => {
            const { bus, driver, gaps } = setup();
            const latest = new Map<number, string>();
            const shown: Promise<void>[] = [];
            for (const { after, counter, text } of calls) {
              await vi.advanceTimersByTimeAsync(after);
              shown.push(driver.show(counter, text));
              latest.set(addressOf(counter), text);
            }
            await vi.advanceTimersByTimeAsync(300 * (calls.length + 1));
            await Promise.all(shown);
            expect(Math.min(...gaps())).toBeGreaterThanOrEqual(300);
            for (const [address, text] of latest) expect(bus.textOf(address)).toBe(text);
            expect(bus.frames.length).toBeLessThanOrEqual(calls.length);
            await driver.stop();
          },
        ),
        { numRuns: 50 },
      );
    });

    it('pads to the board width, so a short text overwrites a long one', async () => {
      const { bus, driver } = setup({ protocol: 'modbus', width: 8 });
      await driver.show(1, 'B1');
      expect(bus.frames[0]?.decoded.text).toBe('B1      ');
      // Counted after transliteration, even for decomposed (NFD) input.
      await vi.advanceTimersByTimeAsync(300);
      await driver.show(2, 'Quầy'.normalize('NFD'));
      expect(bus.frames[1]?.decoded.text).toBe('Quay    ');
    });

    it('drives Modbus boards by unit, with a CRC the simulated board accepts', async () => {
      const { bus, driver } = setup({ protocol: 'modbus' });
      await driver.show(5, 'C105');
      expect(bus.frames[0]?.bytes.toString('hex')).toBe('0f10000000020443313035571b');
      expect(bus.textOf(15)).toBe('C105');
    });

    it('rejects the show whose write fails, and goes on with the next frame', async () => {
      const { bus, driver, texts } = setup();
      bus.failNextWrite(new Error('USB adapter unplugged'));
      const failed = driver.show(1, 'A001');
      const next = driver.show(2, 'B001');
      await expect(failed).rejects.toThrow('USB adapter unplugged');
      await vi.advanceTimersByTimeAsync(300);
      await next;
      expect(texts()).toEqual(['12:B001']);
    });

    it('rejects a counter whose address is not a board address', async () => {
      const { driver } = setup();
      await expect(driver.show(300, 'A001')).rejects.toThrow(RangeError);
    });
  });

  describe('Methods: start and stop', () => {
    it('refuses to show before start', async () => {
      const bus = new LedBoardSimulator({ protocol: 'ascii' });
      const driver = new LedBoardDriver({ transport: bus, protocol: 'ascii', addressOf });
      await expect(driver.show(1, 'A001')).rejects.toThrow(/not started/);
      expect(bus.frames).toEqual([]);
    });

    it('on stop, drops what was not sent, clears its timer and closes the bus', async () => {
      const { bus, driver } = setup();
      const sent = driver.show(1, 'A001');
      const dropped = driver.show(2, 'B001');
      await sent;
      await driver.stop();
      await expect(dropped).rejects.toBeInstanceOf(LedBoardStoppedError);
      expect(vi.getTimerCount()).toBe(0);
      expect(bus.closed).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(bus.frames).toHaveLength(1);
      await expect(driver.show(1, 'A002')).rejects.toThrow(/not started/);
    });

    it('lets the frame on the wire finish before closing the bus', async () => {
      const { bus, driver } = setup({ wireMs: 50 });
      const onWire = driver.show(1, 'A001');
      const stopped = driver.stop();
      await vi.advanceTimersByTimeAsync(50);
      await Promise.all([onWire, stopped]);
      expect(bus.frames).toHaveLength(1);
      expect(bus.closed).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
