import { describe, expect, it } from 'vitest';
import { parseQueueEvent } from '#domain/queue/event-input';

const called = {
  id: '01JNQ7Z8W5X0000000000000AA',
  at: '2026-03-02T08:20:00+07:00',
  day: '2026-03-02',
  type: 'ticket_called',
  number: 'B004',
  counter: 2,
  clerk: 'cb01',
};

describe('Function: parseQueueEvent', () => {
  it('accepts an event of the agent schema', () => {
    expect(parseQueueEvent(called)).toEqual({ ok: true, event: called });
  });

  it('names the broken fields with the id and type, but none of the values', () => {
    const result = parseQueueEvent({ ...called, counter: 'Nguyễn Văn An', clerk: undefined });
    expect(result).toEqual({
      ok: false,
      rejected: {
        id: called.id,
        type: 'ticket_called',
        problems: ['counter: invalid_type', 'clerk: invalid_type'],
      },
    });
    expect(JSON.stringify(result)).not.toContain('Nguyễn');
  });

  it('refuses a time that is not an instant and a counter that cannot be one', () => {
    expect(parseQueueEvent({ ...called, at: 'yesterday' })).toMatchObject({
      ok: false,
      rejected: { problems: ['at: not_an_instant'] },
    });
    expect(parseQueueEvent({ ...called, counter: 2.5 })).toMatchObject({
      ok: false,
      rejected: { problems: ['counter: out_of_range'] },
    });
    expect(parseQueueEvent({ ...called, counter: 0 })).toMatchObject({ ok: false });
  });

  it('leaves out an id or type that does not look like one', () => {
    const result = parseQueueEvent({ id: 'a phone: 0905 123 456', type: 'Số CCCD 0123' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/0905|CCCD/);
    expect(parseQueueEvent('not an object')).toEqual({
      ok: false,
      rejected: { problems: ['(event): invalid_type'] },
    });
  });
});
