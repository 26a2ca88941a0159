import { describe, expect, it } from 'vitest';
import { CommandFilter } from '../../../../edge-agent/src/cloud/commands.ts';

const now = new Date('2026-03-02T08:00:00+07:00');
const command = (id: string, expiresAt = '2026-03-02T08:01:00+07:00') => ({
  id,
  type: 'call_next',
  counter: 2,
  expiresAt,
});

describe('Class: CommandFilter', () => {
  describe('Method: accept', () => {
    it('accepts a well-formed command that has not expired', () => {
      const filter = new CommandFilter();
      expect(filter.accept(command('a'), now)).toEqual({ accepted: true, command: command('a') });
      expect(
        filter.accept({ id: 'b', type: 'announce', text: 'Xin mời', expiresAt: '2026-03-02T01:00:01Z' }, now),
      ).toMatchObject({ accepted: true });
    });

    it('accepts no-show, and transfer with the field to send the ticket to', () => {
      const filter = new CommandFilter();
      const noShow = { id: 'n', type: 'no_show', counter: 2, expiresAt: '2026-03-02T08:01:00+07:00' };
      expect(filter.accept(noShow, now)).toEqual({ accepted: true, command: noShow });
      const transfer = { ...noShow, id: 't', type: 'transfer', field: 'ho-tich' };
      expect(filter.accept(transfer, now)).toEqual({ accepted: true, command: transfer });
    });

    it('drops a command at or past its expiry, on the agent clock, whatever the offset', () => {
      const filter = new CommandFilter();
      expect(filter.accept(command('a', '2026-03-02T08:00:00+07:00'), now)).toMatchObject({
        accepted: false,
        reason: 'expired',
        id: 'a',
      });
      expect(filter.accept(command('b', '2026-03-02T00:59:59Z'), now)).toMatchObject({ reason: 'expired' });
      expect(filter.accept(command('c', '2026-03-02T01:00:00.001Z'), now)).toMatchObject({ accepted: true });
    });

    it('drops an id it has already accepted', () => {
      const filter = new CommandFilter();
      filter.accept(command('a'), now);
      expect(filter.accept(command('a'), now)).toEqual({ accepted: false, reason: 'duplicate', id: 'a' });
    });

    it('does not remember an expired id: a fresh command may reuse it', () => {
      const filter = new CommandFilter();
      filter.accept(command('a', '2026-03-02T07:00:00+07:00'), now);
      expect(filter.accept(command('a'), now)).toMatchObject({ accepted: true });
    });

    it('forgets the least recently seen id beyond its capacity', () => {
      const filter = new CommandFilter(2);
      filter.accept(command('a'), now);
      filter.accept(command('b'), now);
      filter.accept(command('a'), now); // a duplicate refreshes a
      filter.accept(command('c'), now); // evicts b, the least recently seen
      expect(filter.accept(command('a'), now)).toMatchObject({ reason: 'duplicate' });
      expect(filter.accept(command('c'), now)).toMatchObject({ reason: 'duplicate' });
      expect(filter.accept(command('b'), now)).toMatchObject({ accepted: true });
    });

    it.each([
      ['no id', { type: 'call_next', expiresAt: '2026-03-02T09:00:00+07:00' }, undefined],
      ['an unknown type', { id: 'x', type: 'reboot', expiresAt: '2026-03-02T09:00:00+07:00' }, 'x'],
      ['an expiry without offset', { id: 'x', type: 'recall', expiresAt: '2026-03-02T09:00:00' }, 'x'],
      [
        'a counter out of range',
        { id: 'x', type: 'recall', counter: 0, expiresAt: '2026-03-02T09:00:00Z' },
        'x',
      ],
      [
        'a transfer without its field',
        { id: 'x', type: 'transfer', counter: 2, expiresAt: '2026-03-02T09:00:00Z' },
        'x',
      ],
      [
        'a transfer to an empty field',
        { id: 'x', type: 'transfer', counter: 2, field: '', expiresAt: '2026-03-02T09:00:00Z' },
        'x',
      ],
      ['not an object', 'call_next', undefined],
      ['null', null, undefined],
    ])('drops a payload with %s as invalid', (_, payload, id) => {
      expect(new CommandFilter().accept(payload, now)).toMatchObject({
        accepted: false,
        reason: 'invalid',
        id,
      });
    });

    it('refuses a capacity that is not a positive integer', () => {
      expect(() => new CommandFilter(0)).toThrow(RangeError);
    });
  });
});
