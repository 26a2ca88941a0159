import { describe, expect, it } from 'vitest';
import {
  actionRequest,
  buttonVariantOf,
  defaultAssignee,
  orderActions,
} from '../../../../web/src/features/dossier/actions.ts';

const empty = { reason: '', assignee: '', note: '' };

describe('Function: actionRequest', () => {
  it('sends the version the user saw with the action', () => {
    expect(actionRequest('approve', 4, empty)).toEqual({
      ok: true,
      request: { action: 'approve', version: 4 },
    });
  });

  it('names the reason as missing for an action that needs one, even if only blanks were typed', () => {
    expect(actionRequest('reject', 4, { ...empty, reason: '   ' })).toEqual({
      ok: false,
      missing: ['reason'],
    });
  });

  it('sends the trimmed assignee when routing and the reason when sending back', () => {
    expect(actionRequest('route', 1, { ...empty, assignee: ' specialist.an-khe ' })).toEqual({
      ok: true,
      request: { action: 'route', version: 1, assignee: 'specialist.an-khe' },
    });
    expect(actionRequest('send_back', 5, { ...empty, reason: 'Thiếu chữ ký', note: 'Gọi lại' })).toEqual({
      ok: true,
      request: { action: 'send_back', version: 5, reason: 'Thiếu chữ ký', note: 'Gọi lại' },
    });
  });

  it('leaves out a reason or assignee the action does not take (the API refuses unknown use)', () => {
    const built = actionRequest('approve', 2, { reason: 'x', assignee: 'y', note: '' });
    expect(built).toEqual({ ok: true, request: { action: 'approve', version: 2 } });
  });
});

describe('the action buttons', () => {
  it('puts the step forward first and the ending ones last, in red', () => {
    expect(orderActions(['stop', 'send_back', 'approve', 'reject'])).toEqual([
      'approve',
      'send_back',
      'stop',
      'reject',
    ]);
    expect(buttonVariantOf('reject')).toBe('danger');
    expect(buttonVariantOf('submit_for_approval')).toBe('primary');
  });

  it('routes to the ward’s specialist by default', () => {
    expect(defaultAssignee('thanh-khe-tay')).toBe('specialist.thanh-khe-tay');
  });
});
