import { describe, expect, it } from 'vitest';
import { seedWardConfig } from '../../../../edge-agent/src/ward-config.ts';
import {
  counterInPicture,
  fieldOfTicket,
  fieldsOfCounter,
  storedCounter,
  transferTargets,
  waitingRows,
} from '../../../../web/src/features/counter-desk/queue-view.ts';

const { queue } = seedWardConfig();

describe('the ward’s queue as the desk reads it', () => {
  it('reads a ticket’s field from its letter and offers every other field to transfer to', () => {
    const civil = queue.fields.find((f) => f.id === 'ho-tich');
    const number = `${civil?.prefix}007`;
    expect(fieldOfTicket(number, queue)).toBe('ho-tich');
    const targets = transferTargets(queue, number).map((f) => f.id);
    expect(targets).not.toContain('ho-tich');
    expect(targets).toHaveLength(queue.fields.length - 1);
    expect(transferTargets(queue, undefined)).toHaveLength(queue.fields.length);
  });

  it('knows the fields of a counter', () => {
    expect(fieldsOfCounter(queue, 2)).toEqual(['chung-thuc', 'ho-tich']);
    expect(fieldsOfCounter(queue, undefined)).toEqual([]);
  });

  it('shows a counter the picture has not heard of as serving nobody', () => {
    const picture = { counters: [{ counter: 2, fields: ['ho-tich'], serving: 'C004' }] };
    expect(counterInPicture(picture, 2).serving).toBe('C004');
    expect(counterInPicture(picture, 5)).toEqual({ counter: 5, fields: [] });
  });

  it('lists the counter’s own fields first in the waiting figures', () => {
    const picture = {
      fields: [
        { field: 'van-thu', waiting: 1, issuedToday: 1, servedToday: 0, noShowToday: 0 },
        { field: 'ho-tich', waiting: 4, issuedToday: 5, servedToday: 1, noShowToday: 0 },
      ],
    };
    expect(waitingRows(picture, ['ho-tich'])).toEqual([
      { field: 'ho-tich', waiting: 4, mine: true },
      { field: 'van-thu', waiting: 1, mine: false },
    ]);
  });

  it('forgets a remembered counter the ward no longer has', () => {
    expect(storedCounter('3', [1, 2, 3])).toBe(3);
    expect(storedCounter('9', [1, 2, 3])).toBeUndefined();
    expect(storedCounter('x', [1, 2, 3])).toBeUndefined();
    expect(storedCounter(null, [1])).toBeUndefined();
  });
});
