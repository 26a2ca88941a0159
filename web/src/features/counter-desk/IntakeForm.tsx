import { type FormEvent, type Ref, type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../shared/api/client.ts';
import type { IntakeResult, Procedure } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Field } from '../../shared/ui/ui.tsx';
import { ApplicantFields } from './ApplicantFields.tsx';
import { DocumentChecklist } from './DocumentChecklist.tsx';
import {
  CHANNELS,
  type DocumentRow,
  documentRowsFor,
  emptyDraft,
  type InputKey,
  type IntakeDraft,
  intakeBody,
  mapApiFieldErrors,
  type Problem,
  problemFromApi,
  validateDraft,
} from './intake-form.ts';
import { intakeMessages } from './intake-messages.ts';
import { ProcedureCombobox } from './ProcedureCombobox.tsx';
import { ProcedureSummary } from './ProcedureSummary.tsx';

type Errors = Partial<Record<InputKey, { problem: Problem; reason?: string }>>;

const CHANNEL_LABEL = {
  in_person: 'channelInPerson',
  online: 'channelOnline',
  post: 'channelPost',
} as const;

const RULE_MESSAGE = {
  idNumber: 'idNumberRule',
  phone: 'phoneRule',
  email: 'emailRule',
  documentsNone: 'documentsNone',
  quantity: 'quantityRule',
  numberOfSets: 'numberOfSetsRule',
  processingDays: 'processingDaysRule',
  tooLong: 'tooLong',
} as const satisfies Partial<Record<Problem, keyof typeof intakeMessages.vi>>;

const REQUIRED_MESSAGE: Partial<Record<InputKey, keyof typeof intakeMessages.vi>> = {
  procedureId: 'requiredProcedure',
  fullName: 'requiredFullName',
  reason: 'requiredReason',
};

/** The catalogue's documents for a newly chosen procedure, keeping the rows the clerk typed. */
function rowsForProcedure(p: Procedure, current: readonly DocumentRow[]): DocumentRow[] {
  const typed = current.filter((r) => !r.fromCatalogue && r.name.trim());
  const listed = p.requiredDocuments?.length ? documentRowsFor(p.requiredDocuments) : [];
  return listed.length || typed.length ? [...listed, ...typed] : documentRowsFor(null);
}

/** "Tiếp nhận hồ sơ": receives a dossier at the counter, or records its refusal. */
export function IntakeForm({
  wardId,
  district,
  procedures,
  preferredFields,
  fieldNameOf,
  onReceived,
  formRef,
  procedureRef,
}: {
  wardId: string;
  district: string | undefined;
  procedures: readonly Procedure[] | undefined;
  preferredFields: readonly string[];
  fieldNameOf: (fieldId: string) => string;
  onReceived: (result: IntakeResult) => void;
  formRef: RefObject<HTMLFormElement | null>;
  procedureRef: Ref<HTMLInputElement>;
}) {
  const t = useT(intakeMessages);
  const tc = useT(common);
  const [draft, setDraft] = useState<IntakeDraft>(emptyDraft);
  const [procedure, setProcedure] = useState<Procedure>();
  const [refusing, setRefusing] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [focusRound, setFocusRound] = useState(0);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!focusRound) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? form?.querySelector<HTMLElement>('.documents input, .documents button'))?.focus();
  }, [focusRound, formRef]);

  const change = (patch: Partial<IntakeDraft>, ...inputs: InputKey[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (inputs.some((i) => errors[i]))
      setErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([k]) => !inputs.includes(k as InputKey))),
      );
  };

  const errorOf = (input: InputKey): string | undefined => {
    const error = errors[input];
    if (!error) return undefined;
    if (error.problem === 'required') return t(REQUIRED_MESSAGE[input] ?? 'required');
    if (error.problem === 'invalid') return t('invalid', { reason: error.reason ?? '' });
    return t(RULE_MESSAGE[error.problem]);
  };

  const choose = (p: Procedure | undefined) => {
    setProcedure(p);
    if (!p) return change({ procedureId: '' });
    change(
      { procedureId: p.id, documents: rowsForProcedure(p, draft.documents) },
      'procedureId',
      'documents',
    );
  };

  const send = async (outcome: 'accepted' | 'refused') => {
    const options = { outcome, needsProcessingDays: procedure?.processingDays === null };
    const problems = validateDraft(draft, options);
    const found = Object.entries(problems) as [InputKey, Problem][];
    setErrors(Object.fromEntries(found.map(([input, problem]) => [input, { problem }])));
    if (found.length) {
      setGeneral(t('fixErrors'));
      setFocusRound((n) => n + 1);
      return;
    }
    setGeneral(undefined);
    setBusy(true);
    const { body, rowKeys } = intakeBody(draft, options);
    try {
      const path = `/v1/wards/${encodeURIComponent(wardId)}/dossiers`;
      onReceived(await api<IntakeResult>(path, { method: 'POST', body, district }));
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.fields.length &&
        (error.status === 400 || error.status === 422)
      ) {
        const { byInput, unmatched } = mapApiFieldErrors(error.fields, rowKeys);
        const entries = Object.entries(byInput) as [InputKey, string][];
        setErrors(
          Object.fromEntries(
            entries.map(([input, reason]) => [input, { problem: problemFromApi(input, reason), reason }]),
          ),
        );
        const other = unmatched.map((f) => `${f.field}: ${f.reason}`).join('; ');
        setGeneral(other ? t('apiOther', { reason: other }) : t('fixErrors'));
        setFocusRound((n) => n + 1);
      } else {
        setGeneral(describeError(error, tc));
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void send('accepted');
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="card stack intake"
      aria-labelledby="intake-heading"
    >
      <h2 id="intake-heading">{t('heading')}</h2>
      {general ? <Alert>{general}</Alert> : null}
      <ProcedureCombobox
        procedures={procedures}
        preferredFields={preferredFields}
        fieldNameOf={fieldNameOf}
        chosen={procedure}
        onChoose={choose}
        error={errorOf('procedureId')}
        inputRef={procedureRef}
      />
      {procedure ? (
        <ProcedureSummary
          procedure={procedure}
          fieldName={fieldNameOf(procedure.fieldId)}
          processingDays={draft.processingDays}
          onProcessingDays={(processingDays) => change({ processingDays }, 'processingDays')}
          processingDaysError={errorOf('processingDays')}
        />
      ) : null}
      <ApplicantFields
        applicant={draft.applicant}
        onChange={(name, value) => change({ applicant: { ...draft.applicant, [name]: value } }, name)}
        errorOf={errorOf}
      />
      <DocumentChecklist
        rows={draft.documents}
        onChange={(documents) =>
          // Any edit of the checklist settles the errors of its rows: they are checked again on sending.
          change(
            { documents },
            ...(Object.keys(errors).filter((k) => k.startsWith('documents')) as InputKey[]),
          )
        }
        errorOf={errorOf}
        listedByCatalogue={Boolean(procedure?.requiredDocuments?.length)}
        procedureChosen={Boolean(procedure)}
      />
      <div className="row">
        <Field label={t('channel')}>
          {(props) => (
            <select
              {...props}
              value={draft.channel}
              onChange={(e) => change({ channel: e.target.value as IntakeDraft['channel'] })}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(CHANNEL_LABEL[c])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('numberOfSets')} error={errorOf('numberOfSets')}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              className="narrow-input"
              value={draft.numberOfSets}
              onChange={(e) => change({ numberOfSets: e.target.value }, 'numberOfSets')}
            />
          )}
        </Field>
      </div>
      {refusing ? (
        <div className="refusal stack">
          <Field label={t('refuseReason')} hint={t('refuseReasonHint')} error={errorOf('reason')}>
            {(props) => (
              <textarea
                {...props}
                ref={reasonRef}
                rows={3}
                maxLength={2000}
                value={draft.reason}
                onChange={(e) => change({ reason: e.target.value }, 'reason')}
              />
            )}
          </Field>
          <div className="row">
            <Button variant="danger" busy={busy} onClick={() => void send('refused')}>
              {t('refuseConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setRefusing(false)}>
              {t('refuseCancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="row intake-actions">
        <Button type="submit" busy={busy} aria-keyshortcuts="Alt+S">
          {t('submit')}
        </Button>
        {refusing ? null : (
          <Button
            variant="secondary"
            onClick={() => {
              setRefusing(true);
              setTimeout(() => reasonRef.current?.focus());
            }}
          >
            {t('refuse')}
          </Button>
        )}
      </div>
    </form>
  );
}
