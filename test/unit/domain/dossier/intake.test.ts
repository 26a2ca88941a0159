import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { findProcedure, type Procedure } from '#domain/catalogue/procedures';
import { findWard, type Ward } from '#domain/catalogue/units';
import { IntakeRequest, planIntake, receiveDossier } from '#domain/dossier/intake';
import { staff } from '../../../support/dossiers.ts';
import { intakeBody } from '../../../support/intake.ts';

const calendar = new WorkingCalendar(new Map());
const ward = findWard('hai-chau-i') as Ward;
const procedure = findProcedure('2.000884') as Procedure;
const now = new Date('2026-03-02T08:15:00+07:00');

function receive(body: Record<string, unknown>) {
  const request = IntakeRequest.parse(intakeBody(body));
  const ctx = { principal: staff('clerk'), now, calendar, ward, procedure };
  return receiveDossier(request, ctx, planIntake(request, ctx), {
    code: '000.01.01.H17-260302-0001',
    lookupKeyHash: 'h'.repeat(64),
  }).dossier;
}

describe('Function: receiveDossier', () => {
  it('closes a dossier refused at reception at the moment of receipt', () => {
    const refused = receive({ outcome: 'refused', reason: 'Không thuộc thẩm quyền', documents: [] });
    expect(refused).toMatchObject({
      status: 'refused',
      finishedAt: '2026-03-02T08:15:00+07:00',
      closedAt: '2026-03-02T08:15:00+07:00',
    });
  });

  it('leaves an accepted dossier open, without a close time', () => {
    const accepted = receive({});
    expect(accepted.status).toBe('received');
    expect(accepted.closedAt).toBeUndefined();
    expect(accepted.finishedAt).toBeUndefined();
  });
});
