import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_LABEL } from '#domain/documents/document';
import { ACTION_LABEL, ACTION_RULES, DossierAction } from '#domain/dossier/actions';
import { NATIONAL_STATUS, STATUS_LABEL } from '#domain/dossier/status';
import { ACTION_NEEDS } from '../../../../web/src/features/dossier/actions.ts';
import {
  actionLabels,
  historyLabels,
  type LabelTable,
  nationalLabels,
  scanKindLabels,
  statusLabels,
} from '../../../../web/src/features/dossier/labels.ts';

const sameKeys = <K extends string>(table: LabelTable<K>) =>
  expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.vi).sort());

describe('the dossier vocabulary of the screens', () => {
  it('says statuses, national statuses, history steps and scan kinds in the forms’ Vietnamese', () => {
    expect(statusLabels.vi).toEqual(STATUS_LABEL);
    expect(nationalLabels.vi).toEqual(
      Object.fromEntries(Object.entries(NATIONAL_STATUS).map(([n, name]) => [String(n), name])),
    );
    expect(historyLabels.vi).toEqual(ACTION_LABEL);
    expect(scanKindLabels.vi).toEqual(DOCUMENT_KIND_LABEL);
  });

  it('has an English label for every Vietnamese one, and a button for every action', () => {
    for (const table of [statusLabels, nationalLabels, historyLabels, actionLabels, scanKindLabels])
      sameKeys<string>(table);
    expect(Object.keys(actionLabels.vi).sort()).toEqual([...DossierAction.options].sort());
    expect(actionLabels.vi.submit_for_approval).toBe('Trình phê duyệt');
    expect(actionLabels.vi.send_back).toBe('Trả lại chuyên viên');
  });

  it('asks for a reason and an assignee exactly where the lifecycle needs them', () => {
    for (const action of DossierAction.options) {
      expect(ACTION_NEEDS[action], action).toEqual({
        reason: ACTION_RULES[action].needsReason,
        assignee: ACTION_RULES[action].needsAssignee,
      });
    }
  });
});
