import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '#domain/auth/principal';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { ACTION_RULES, DossierAction } from '#domain/dossier/actions';
import { allowedActions, applyAction } from '#domain/dossier/lifecycle';
import { DossierStatus, nationalStatusOf } from '#domain/dossier/status';
import { ConflictError, ForbiddenError, UnprocessableError } from '#domain/errors';
import { dossierIn, staff } from '../../../support/dossiers.ts';

const calendar = new WorkingCalendar(new Map());
const now = new Date('2026-03-04T10:00:00+07:00');
const ROLES: Role[] = ['clerk', 'specialist', 'leader', 'ward_admin', 'district_official', 'city_official'];
const WORKING = [
  'received',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'awaiting_approval',
  'approved',
];

/** The lifecycle written out by hand: from each state, each allowed action and where it leads. */
const EXPECTED: Record<DossierStatus, Partial<Record<DossierAction, DossierStatus>>> = {
  received: {
    route: 'processing',
    request_supplement: 'awaiting_supplement',
    withdraw: 'withdrawn',
    stop: 'stopped',
  },
  refused: {},
  processing: {
    route: 'processing',
    request_supplement: 'awaiting_supplement',
    request_payment: 'awaiting_payment',
    submit_for_approval: 'awaiting_approval',
    withdraw: 'withdrawn',
    stop: 'stopped',
  },
  awaiting_supplement: { supplement_received: 'processing', withdraw: 'withdrawn', stop: 'stopped' },
  awaiting_payment: { payment_received: 'processing', withdraw: 'withdrawn', stop: 'stopped' },
  awaiting_approval: {
    approve: 'approved',
    send_back: 'processing',
    reject: 'rejected',
    withdraw: 'withdrawn',
    stop: 'stopped',
  },
  approved: {
    request_payment: 'awaiting_payment',
    mark_result_ready: 'result_ready',
    withdraw: 'withdrawn',
    stop: 'stopped',
  },
  rejected: { return_result: 'returned' },
  result_ready: { return_result: 'returned' },
  returned: {},
  withdrawn: {},
  stopped: {},
};

const WHO: Record<DossierAction, Role[]> = {
  route: ['clerk', 'specialist', 'leader'],
  request_supplement: ['clerk', 'specialist'],
  supplement_received: ['clerk', 'specialist'],
  request_payment: ['clerk', 'specialist'],
  payment_received: ['clerk', 'specialist'],
  submit_for_approval: ['specialist'],
  approve: ['leader'],
  send_back: ['leader'],
  reject: ['leader'],
  mark_result_ready: ['clerk', 'specialist'],
  return_result: ['clerk'],
  withdraw: ['clerk'],
  stop: ['leader'],
};

const commandFor = (action: DossierAction) => ({
  action,
  reason: 'Thiếu bản sao giấy khai sinh',
  assignee: 'specialist.hai-chau-i',
});

describe('Function: applyAction', () => {
  const cases = DossierStatus.options.flatMap((status) =>
    DossierAction.options.map((action) => [status, action] as const),
  );

  it.each(cases)('from %s, %s goes where the lifecycle says or is refused with 409', (status, action) => {
    const target = EXPECTED[status][action];
    const role = WHO[action][0] as Role;
    const dossier = dossierIn(status);
    if (!target) {
      expect(() =>
        applyAction(dossier, commandFor(action), { principal: staff(role), now, calendar }),
      ).toThrow(ConflictError);
      return;
    }
    const { dossier: next, entry } = applyAction(dossier, commandFor(action), {
      principal: staff(role),
      now,
      calendar,
    });
    expect(next.status).toBe(target);
    expect(next.nationalStatus).toBe(nationalStatusOf[target]);
    expect(next.version).toBe(dossier.version + 1);
    expect(entry).toMatchObject({ seq: next.version, action, from: status, to: target, actor: { role } });
  });

  it.each(cases.filter(([s, a]) => EXPECTED[s][a]))(
    'from %s, %s is taken only by its roles',
    (status, action) => {
      for (const role of ROLES) {
        const attempt = () =>
          applyAction(dossierIn(status), commandFor(action), { principal: staff(role), now, calendar });
        if (WHO[action].includes(role)) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(ForbiddenError);
      }
    },
  );

  it('maps every internal state to exactly one national status 1–10', () => {
    for (const status of DossierStatus.options) expect(nationalStatusOf[status]).toBeGreaterThanOrEqual(1);
    expect(new Set(Object.values(nationalStatusOf))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it('refuses staff of another ward with 403', () => {
    const other = staff('clerk', 'thach-thang');
    expect(() =>
      applyAction(dossierIn('received'), commandFor('route'), { principal: other, now, calendar }),
    ).toThrow(ForbiddenError);
  });

  it('lets only the assigned specialist work a routed dossier', () => {
    const dossier = dossierIn('processing', { assignee: 'specialist.someone-else' });
    expect(() =>
      applyAction(
        dossier,
        { action: 'submit_for_approval' },
        { principal: staff('specialist'), now, calendar },
      ),
    ).toThrow(/assigned specialist/);
  });

  it('answers 409 with the actions the caller may take instead', () => {
    try {
      applyAction(dossierIn('received'), { action: 'approve' }, { principal: staff('clerk'), now, calendar });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).details.allowedActions).toEqual([
        'route',
        'request_supplement',
        'withdraw',
      ]);
    }
  });

  it('needs a reason where the forms print one, and an assignee to route', () => {
    const principal = staff('leader');
    expect(() =>
      applyAction(dossierIn('awaiting_approval'), { action: 'reject' }, { principal, now, calendar }),
    ).toThrow(UnprocessableError);
    expect(() =>
      applyAction(dossierIn('received'), { action: 'route' }, { principal, now, calendar }),
    ).toThrow(UnprocessableError);
  });

  it('pauses the clock on a supplement request and pushes the due date by the working days paused', () => {
    const clerk = staff('clerk');
    const paused = applyAction(
      dossierIn('processing'),
      { action: 'request_supplement', reason: 'Thiếu tờ khai' },
      { principal: clerk, now: new Date('2026-03-04T10:00:00+07:00'), calendar },
    ).dossier;
    expect(paused).toMatchObject({
      status: 'awaiting_supplement',
      pausedFrom: 'processing',
      nationalStatus: 5,
    });
    // Wed 4/3 → Mon 9/3: Thu, Fri and Mon are the working days paused.
    const resumed = applyAction(
      paused,
      { action: 'supplement_received' },
      { principal: clerk, now: new Date('2026-03-09T08:00:00+07:00'), calendar },
    ).dossier;
    expect(resumed.status).toBe('processing');
    expect(resumed.pausedWorkingDays).toBe(3);
    expect(resumed.dueAt).toBe('2026-03-10T17:00:00+07:00');
    expect(resumed.pausedAt).toBeUndefined();
    expect(resumed.pausedFrom).toBeUndefined();
  });

  it('resumes a dossier paused at reception back to received', () => {
    const paused = dossierIn('awaiting_supplement', { pausedFrom: 'received' });
    const next = applyAction(
      paused,
      { action: 'supplement_received' },
      { principal: staff('clerk'), now, calendar },
    );
    expect(next.dossier.status).toBe('received');
  });

  it('fixes the outcome when the result is ready: early, on time on the due day, late after', () => {
    const specialist = staff('specialist');
    const at = (iso: string) =>
      applyAction(
        dossierIn('approved'),
        { action: 'mark_result_ready' },
        { principal: specialist, now: new Date(iso), calendar },
      ).dossier;
    expect(at('2026-03-04T16:00:00+07:00').outcome).toBe('early');
    expect(at('2026-03-05T17:00:00+07:00').outcome).toBe('on_time');
    expect(at('2026-03-05T17:00:01+07:00').outcome).toBe('late');
    expect(at('2026-03-04T16:00:00+07:00').finishedAt).toBe('2026-03-04T16:00:00+07:00');
  });

  it('keeps the first finish time when the result is later returned', () => {
    const ready = dossierIn('result_ready', { finishedAt: '2026-03-04T16:00:00+07:00', outcome: 'early' });
    const late = new Date('2026-03-20T09:00:00+07:00');
    const returned = applyAction(
      ready,
      { action: 'return_result' },
      { principal: staff('clerk'), now: late, calendar },
    );
    expect(returned.dossier).toMatchObject({
      status: 'returned',
      finishedAt: '2026-03-04T16:00:00+07:00',
      outcome: 'early',
    });
    expect(returned.entry.outcome).toBe('late');
  });

  it('stamps closedAt once, on entering a closed state, and keeps it through later changes', () => {
    const at = new Date('2026-03-06T09:30:00+07:00');
    const closeBy = (status: DossierStatus, action: DossierAction, role: Role) =>
      applyAction(dossierIn(status), commandFor(action), { principal: staff(role), now: at, calendar })
        .dossier;
    expect(closeBy('awaiting_supplement', 'withdraw', 'clerk').closedAt).toBe('2026-03-06T09:30:00+07:00');
    expect(closeBy('processing', 'stop', 'leader').closedAt).toBe('2026-03-06T09:30:00+07:00');
    const returned = closeBy('result_ready', 'return_result', 'clerk');
    expect(returned).toMatchObject({ status: 'returned', closedAt: '2026-03-06T09:30:00+07:00' });
    // Finishing is not closing: the result still has to be handed back.
    expect(closeBy('approved', 'mark_result_ready', 'specialist').closedAt).toBeUndefined();
    expect(closeBy('received', 'route', 'clerk').closedAt).toBeUndefined();
  });

  it('records form 06 rows: who, to whom, when, and the step outcome', () => {
    const { entry } = applyAction(
      dossierIn('received'),
      { action: 'route', assignee: 'specialist.hai-chau-i' },
      { principal: staff('clerk'), now, calendar },
    );
    expect(entry).toEqual({
      seq: 4,
      action: 'route',
      from: 'received',
      to: 'processing',
      actor: { userId: 'clerk.hai-chau-i', role: 'clerk' },
      handoffTo: 'specialist.hai-chau-i',
      at: '2026-03-04T10:00:00+07:00',
      outcome: 'early',
      dueAt: '2026-03-05T17:00:00+07:00',
      note: 'Chuyển xử lý',
    });
  });
});

describe('Function: allowedActions', () => {
  it('lists for each role exactly the actions it may take now', () => {
    for (const status of DossierStatus.options) {
      for (const role of ROLES) {
        const expected = DossierAction.options.filter((a) => EXPECTED[status][a] && WHO[a].includes(role));
        expect(allowedActions(dossierIn(status), staff(role))).toEqual(expected);
      }
    }
  });

  it('gives officials nothing to do in a ward', () => {
    const official = { userId: 'city', roles: ['city_official' as const] };
    expect(allowedActions(dossierIn('processing'), official)).toEqual([]);
  });
});

describe('Property: any sequence of allowed actions', () => {
  it('keeps version, history sequence, national status and pause fields consistent', () => {
    const everyone = {
      userId: 'specialist.hai-chau-i',
      roles: ROLES.slice(0, 3),
      wardId: 'hai-chau-i',
      districtId: 'hai-chau',
    };
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (picks) => {
        let dossier = dossierIn('received', { version: 1 });
        let clock = new Date('2026-03-02T09:00:00+07:00').getTime();
        for (const pick of picks) {
          const options = allowedActions(dossier, everyone);
          if (options.length === 0) break;
          const action = options[pick % options.length] as DossierAction;
          clock += 3 * 3600_000;
          const { dossier: next, entry } = applyAction(dossier, commandFor(action), {
            principal: everyone,
            now: new Date(clock),
            calendar,
          });
          expect(next.version).toBe(dossier.version + 1);
          expect(entry.seq).toBe(next.version);
          expect(next.nationalStatus).toBe(nationalStatusOf[next.status]);
          expect(next.pausedAt !== undefined).toBe(
            next.status === 'awaiting_supplement' || next.status === 'awaiting_payment',
          );
          expect(next.dueAt >= dossier.dueAt).toBe(true);
          if (dossier.finishedAt) expect(next.finishedAt).toBe(dossier.finishedAt);
          if (dossier.closedAt) expect(next.closedAt).toBe(dossier.closedAt);
          expect(next.closedAt !== undefined).toBe(
            ['refused', 'returned', 'withdrawn', 'stopped'].includes(next.status),
          );
          expect(
            WORKING.includes(next.status) || next.finishedAt !== undefined || next.status === 'withdrawn',
          ).toBe(true);
          expect(Object.keys(ACTION_RULES)).toContain(action);
          dossier = next;
        }
      }),
    );
  });
});
