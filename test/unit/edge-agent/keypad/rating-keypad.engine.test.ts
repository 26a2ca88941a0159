import { afterEach, describe, expect, it, vi } from 'vitest';
import { RatingKeypad } from '../../../../edge-agent/src/devices/keypad/rating-keypad.ts';
import { KeypadSimulator } from '../../../../edge-agent/src/devices/keypad/simulator.ts';
import { QueueConfig } from '../../../../edge-agent/src/queue/config.ts';
import { QueueEngine } from '../../../../edge-agent/src/queue/engine.ts';
import type { QueueError } from '../../../../edge-agent/src/queue/errors.ts';
import type { QueueEvent } from '../../../../edge-agent/src/queue/events.ts';

const config = QueueConfig.parse({
  fields: [{ id: 'chung-thuc', name: 'Chứng thực', prefix: 'B' }],
  counters: [{ number: 3, fields: ['chung-thuc'] }],
  ratingWindowSeconds: 60,
});

/**
 * The pad only reports presses; the engine decides whether they count. Wired as the agent
 * wires them: the keypad's rating goes to engine.rate, and a refusal is a normal outcome.
 */
function setup() {
  vi.useFakeTimers({ now: new Date('2026-03-02T08:00:00+07:00') });
  let id = 0;
  const engine = new QueueEngine(config, {
    now: () => new Date(),
    newId: () => String(++id).padStart(26, '0'),
  });
  const pad = new KeypadSimulator();
  const keypad = new RatingKeypad({ counter: 3, source: pad });
  const recorded: QueueEvent[] = [];
  const refused: string[] = [];
  keypad.on('rating', ({ counter, score }) => {
    try {
      recorded.push(...engine.rate(counter, score));
    } catch (error) {
      refused.push((error as QueueError).code);
    }
  });
  keypad.start();
  return { engine, pad, recorded, refused };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RatingKeypad with the queue engine', () => {
  it('records one rating per service; the engine refuses the rest, the keypad filters repeats', () => {
    const { engine, pad, recorded, refused } = setup();
    pad.press('4');
    expect(refused).toEqual(['rating_closed']);

    engine.login(3, 'clerk-an');
    engine.issueTicket('chung-thuc');
    engine.callNext(3);
    vi.advanceTimersByTime(3000);
    engine.complete(3);
    pad.type('444');
    expect(recorded).toMatchObject([{ type: 'rating_recorded', number: 'B001', counter: 3, score: 4 }]);

    vi.advanceTimersByTime(5000);
    pad.press('1');
    expect(refused).toEqual(['rating_closed', 'already_rated']);
  });

  it('lets the prompt time out: a press after the rating window is refused by the engine', () => {
    const { engine, pad, recorded, refused } = setup();
    engine.login(3, 'clerk-an');
    engine.issueTicket('chung-thuc');
    engine.callNext(3);
    engine.complete(3);
    vi.advanceTimersByTime(61_000);
    pad.press('2');
    expect(recorded).toEqual([]);
    expect(refused).toEqual(['rating_closed']);
  });
});
