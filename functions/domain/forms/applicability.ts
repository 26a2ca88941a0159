import { canBeOverdue } from '../dossier/status.ts';
import { parseInstant } from '../time.ts';
import type { FormInput } from './common.ts';
import { latestOf } from './common.ts';
import type { FormId } from './layout.ts';

/** Finished states with a result for the citizen: a late one still owes an apology (form 04). */
const HAS_RESULT = ['rejected', 'result_ready', 'returned'];

/**
 * Whether a form can be printed for the dossier now, and if not why (the API answers 409 with
 * it). The rules are in functions/ACTIONS.md, "Forms".
 */
export function formApplies(
  form: FormId,
  input: Pick<FormInput, 'dossier' | 'history' | 'now'>,
): { applies: true } | { applies: false; reason: string } {
  const { dossier, history } = input;
  const no = (reason: string) => ({ applies: false as const, reason });
  switch (form) {
    case '01':
      return dossier.status === 'refused'
        ? no('form 01 is the receipt of an accepted dossier; this one was refused at reception (form 03)')
        : { applies: true };
    case '02':
      return latestOf(history, 'request_supplement')
        ? { applies: true }
        : no('form 02 is printed once a supplement was requested; none was for this dossier');
    case '03':
      return dossier.status === 'refused' || latestOf(history, 'reject')
        ? { applies: true }
        : no('form 03 is printed for a dossier refused at reception or rejected by the leader');
    case '04':
      return isOverdue(input) || (dossier.outcome === 'late' && HAS_RESULT.includes(dossier.status))
        ? { applies: true }
        : no('form 04 is printed for a dossier that is overdue or was finished late');
    case '06':
      return { applies: true };
  }
}

/** Past its due time with the clock running (the same rule as the overdue list). */
export function isOverdue({ dossier, now }: Pick<FormInput, 'dossier' | 'now'>): boolean {
  return canBeOverdue(dossier.status) && parseInstant(dossier.dueAt).getTime() < now.getTime();
}
