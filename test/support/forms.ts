import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { findProcedure, type Procedure } from '#domain/catalogue/procedures';
import { findWard, type Ward } from '#domain/catalogue/units';
import type { Dossier, HistoryEntry } from '#domain/dossier/dossier';
import { IntakeRequest, planIntake, receiveDossier } from '#domain/dossier/intake';
import { applyAction } from '#domain/dossier/lifecycle';
import type { DossierStatus } from '#domain/dossier/status';
import type { FormDocument } from '#domain/forms/layout';
import { staff } from './dossiers.ts';
import { intakeBody } from './intake.ts';
import { PATHS, REFUSE_REASON } from './lifecycle-paths.ts';

export const ward = findWard('hai-chau-i') as Ward;
export const calendar = new WorkingCalendar(new Map());
const procedure = findProcedure('1.004873') as Procedure; // Xác nhận tình trạng hôn nhân: days not in the catalogue

/** Received at the counter on Monday 2 March 2026, 08:00. */
export const RECEIVED = new Date('2026-03-02T08:00:00+07:00');

/**
 * A dossier brought into `status` by the real intake and lifecycle, an hour per step, with
 * its history: what the forms are built from.
 */
export function dossierWithHistory(
  status: DossierStatus,
  days = 3,
): { dossier: Dossier; history: HistoryEntry[] } {
  const refused = status === 'refused';
  const request = IntakeRequest.parse(
    intakeBody({
      procedureId: procedure.id,
      processingDays: days,
      applicant: {
        fullName: 'Trần Thị Bích Ngọc',
        address: 'Tổ 5, Phường Hải Châu I',
        phone: '0905 123 456',
      },
      documents: refused ? [] : [{ name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1 }],
      ...(refused ? { outcome: 'refused', reason: REFUSE_REASON } : {}),
    }),
  );
  const ctx = { principal: staff('clerk'), now: RECEIVED, calendar, ward, procedure };
  const plan = planIntake(request, ctx);
  const code = '000.01.01.H17-260302-0007';
  let { dossier, entry } = receiveDossier(request, ctx, plan, { code, lookupKeyHash: 'h'.repeat(64) });
  const history = [entry];
  if (status !== 'refused') {
    PATHS[status].forEach((step, i) => {
      const now = new Date(RECEIVED.getTime() + (i + 1) * 3_600_000);
      ({ dossier, entry } = applyAction(dossier, step, { principal: staff(step.actor), now, calendar }));
      history.push(entry);
    });
  }
  return { dossier, history };
}

/** Every piece of text a form shows, in order, one per line. */
export function formText(form: FormDocument): string {
  const lines = [...form.header.agency, ...form.header.motto, form.header.placeDate ?? ''];
  for (const page of form.pages) {
    if (page.copy) lines.push(page.copy);
    for (const block of page.blocks) {
      switch (block.kind) {
        case 'title':
          lines.push(block.text, block.subtitle ?? '');
          break;
        case 'paragraph':
          lines.push(block.runs.map((r) => r.text).join(''));
          break;
        case 'table':
          lines.push(block.columns.map((c) => c.header).join(' | '), ...block.rows.map((r) => r.join(' | ')));
          break;
        case 'codes':
          lines.push(`Mã hồ sơ: ${block.value}`);
          break;
        case 'signatures':
          for (const s of block.signers) lines.push(s.title, s.hint, s.name ?? '');
          break;
        case 'note':
          lines.push(block.text);
          break;
      }
    }
  }
  return lines.filter(Boolean).join('\n');
}
