import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keysFromStream } from '../../../../edge-agent/src/devices/keypad/key-source.ts';
import {
  DEFAULT_DEBOUNCE_MS,
  type Rating,
  RatingKeypad,
  type Score,
} from '../../../../edge-agent/src/devices/keypad/rating-keypad.ts';
import { KeypadSimulator } from '../../../../edge-agent/src/devices/keypad/simulator.ts';

function setup(options: { keys?: Record<string, Score>; debounceMs?: number } = {}) {
  const pad = new KeypadSimulator();
  const keypad = new RatingKeypad({ counter: 3, source: pad, ...options });
  const ratings: Rating[] = [];
  keypad.on('rating', (rating) => ratings.push(rating));
  keypad.start();
  return { pad, keypad, ratings };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Class: RatingKeypad', () => {
  it('turns a press of 1–4 into a rating of that score for its counter', () => {
    const { pad, ratings } = setup();
    pad.press('4');
    expect(ratings).toEqual([{ counter: 3, score: 4 }]);
  });

  it('ignores keys that are not levels, without opening the repeat window', () => {
    const { pad, ratings } = setup();
    pad.type('05a\r\x1b[A');
    pad.press('constructor');
    pad.press('2');
    expect(ratings).toEqual([{ counter: 3, score: 2 }]);
  });

  it(`ignores the pad's presses within ${DEFAULT_DEBOUNCE_MS} ms after an accepted one, whatever the key`, () => {
    const { pad, ratings } = setup();
    pad.press('3');
    pad.type('333');
    vi.advanceTimersByTime(1999);
    pad.press('1');
    vi.advanceTimersByTime(1);
    pad.press('2');
    expect(ratings.map((r) => r.score)).toEqual([3, 2]);
  });

  it('counts the window from the accepted press, not from the ignored ones', () => {
    const { pad, ratings } = setup({ debounceMs: 1000 });
    pad.press('4');
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(300);
      pad.press('4');
    }
    // Presses at 300…1500 ms: the one at 1200 ms is the first past the window.
    expect(ratings).toHaveLength(2);
  });

  it('gives one rating for a key held down with keyboard auto-repeat for under the window', () => {
    const { pad, ratings } = setup();
    pad.hold('4', { forMs: 1900 });
    vi.advanceTimersByTime(2000);
    expect(ratings).toEqual([{ counter: 3, score: 4 }]);
  });

  it('accepts exactly the level presses that come a full window after the last accepted one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            after: fc.integer({ min: 0, max: 3000 }),
            key: fc.constantFrom('1', '2', '3', '4', 'x'),
          }),
          {
            maxLength: 40,
          },
        ),
        (presses) => {
          const { pad, keypad, ratings } = setup();
          const expected: number[] = [];
          let now = 0;
          let last: number | undefined;
          for (const { after, key } of presses) {
            vi.advanceTimersByTime(after);
            pad.press(key);
            now += after;
            if (key !== 'x' && (last === undefined || now - last >= DEFAULT_DEBOUNCE_MS)) {
              last = now;
              expected.push(Number(key));
            }
          }
          expect(ratings.map((r) => r.score)).toEqual(expected);
          keypad.stop();
        },
      ),
    );
  });

  it('maps the keys of another pad, e.g. a 3-level one sending a/b/c', () => {
    const { pad, ratings } = setup({ keys: { a: 1, b: 2, c: 3 } });
    pad.press('4');
    pad.press('c');
    expect(ratings).toEqual([{ counter: 3, score: 3 }]);
  });

  it('stops listening on stop, and starts only once', () => {
    const { pad, keypad, ratings } = setup();
    keypad.start();
    expect(pad.listenerCount('key')).toBe(1);
    keypad.stop();
    expect(pad.listening).toBe(false);
    pad.press('4');
    expect(ratings).toEqual([]);
  });
});

describe('Function: keysFromStream', () => {
  it('reads each character of a USB keypad typing into a stream as one press', async () => {
    const stream = new PassThrough();
    const keypad = new RatingKeypad({ counter: 2, source: keysFromStream(stream), debounceMs: 0 });
    const scores: number[] = [];
    keypad.on('rating', (r) => scores.push(r.score));
    keypad.start();
    stream.write('1');
    stream.write(Buffer.from('2\n4'));
    stream.write('xyz3');
    await vi.advanceTimersByTimeAsync(0);
    expect(scores).toEqual([1, 2, 4, 3]);
  });

  it('keeps a character split across chunks as one key, and lets go of the stream on stop', async () => {
    const stream = new PassThrough();
    const source = keysFromStream(stream);
    const keys: string[] = [];
    const listener = (key: string) => keys.push(key);
    source.on('key', listener);
    const dong = Buffer.from('₫1');
    stream.write(dong.subarray(0, 2));
    stream.write(dong.subarray(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(keys).toEqual(['₫', '1']);
    source.off('key', listener);
    expect(stream.listenerCount('data')).toBe(0);
  });
});
