import { type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../../shared/api/client.ts';
import type { DossierAction, DossierPage } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Button, Field } from '../../shared/ui/ui.tsx';
import { ACTION_NEEDS, actionRequest, buttonVariantOf, defaultAssignee, orderActions } from './actions.ts';
import { Dialog } from './Dialog.tsx';
import { actionLabels } from './labels.ts';
import { dossierMessages } from './messages.ts';

/** How an action ended: done, or refused because the dossier had changed meanwhile. */
export type ActionResult = { kind: 'done'; label: string } | { kind: 'conflict' };

/** The actions the API allows this user now, as buttons; each asks for confirmation in a dialog. */
export function ActionsCard({
  dossier,
  district,
  busy,
  onActed,
  onStart,
}: {
  dossier: DossierPage;
  district: string;
  busy: boolean;
  onActed: (result: ActionResult) => void;
  onStart: () => void;
}) {
  const t = useT(dossierMessages);
  const ta = useT(actionLabels);
  const headingId = useId();
  const [open, setOpen] = useState<DossierAction>();
  const actions = orderActions(dossier.allowedActions);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionActions')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('noActions')}</p>
      ) : (
        <div className="row">
          {actions.map((action) => (
            <Button
              key={action}
              variant={buttonVariantOf(action)}
              disabled={busy}
              onClick={() => {
                onStart();
                setOpen(action);
              }}
            >
              {ta(action)}
            </Button>
          ))}
        </div>
      )}
      {open ? (
        <ActionDialog
          action={open}
          dossier={dossier}
          district={district}
          onClose={() => setOpen(undefined)}
          onActed={(result) => {
            setOpen(undefined);
            onActed(result);
          }}
        />
      ) : null}
    </section>
  );
}

/** Confirms one action, asking for what it needs (the reason, the specialist), and sends it. */
function ActionDialog({
  action,
  dossier,
  district,
  onClose,
  onActed,
}: {
  action: DossierAction;
  dossier: DossierPage;
  district: string;
  onClose: () => void;
  onActed: (result: ActionResult) => void;
}) {
  const t = useT(dossierMessages);
  const ta = useT(actionLabels);
  const needs = ACTION_NEEDS[action];
  const [input, setInput] = useState({
    reason: '',
    assignee: dossier.assignee ?? defaultAssignee(dossier.wardId),
    note: '',
  });
  const [errors, setErrors] = useState<{ reason?: string; assignee?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof input) => (value: string) => setInput((i) => ({ ...i, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = actionRequest(action, dossier.version, input);
    if (!built.ok) {
      setErrors({
        ...(built.missing.includes('reason')
          ? { reason: t('required', { field: t('reason').toLowerCase() }) }
          : {}),
        ...(built.missing.includes('assignee')
          ? { assignee: t('required', { field: t('assignee_field').toLowerCase() }) }
          : {}),
      });
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await api(`/v1/dossiers/${encodeURIComponent(dossier.code)}/actions`, {
        method: 'POST',
        body: built.request,
        district,
      });
      onActed({ kind: 'done', label: ta(action) });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) return onActed({ kind: 'conflict' });
      const fields = error instanceof ApiError ? error : undefined;
      const reason = fields?.reasonFor('reason');
      const assignee = fields?.reasonFor('assignee');
      setErrors({ ...(reason ? { reason } : {}), ...(assignee ? { assignee } : {}) });
      if (!reason && !assignee) setFailure(error);
    }
  };

  return (
    <Dialog title={ta(action)} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {needs.assignee ? (
          <Field
            label={t('assignee_field')}
            error={errors.assignee}
            hint={t('assigneeHint', { example: defaultAssignee(dossier.wardId) })}
          >
            {(props) => (
              <input
                {...props}
                value={input.assignee}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('assignee')(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {needs.reason ? (
          <Field label={t('reason')} error={errors.reason}>
            {(props) => (
              <textarea
                {...props}
                rows={4}
                maxLength={2000}
                value={input.reason}
                onChange={(e) => set('reason')(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field label={t('note')}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={2000}
              value={input.note}
              onChange={(e) => set('note')(e.target.value)}
            />
          )}
        </Field>
        {failure ? <ErrorMessage error={failure} /> : null}
        <div className="row">
          <Button type="submit" variant={buttonVariantOf(action)} busy={busy}>
            {t('confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
