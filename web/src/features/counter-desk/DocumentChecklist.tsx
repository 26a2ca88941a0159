import { type ReactNode, useId } from 'react';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Button } from '../../shared/ui/ui.tsx';
import {
  DOCUMENT_FORMS,
  type DocumentForm,
  type DocumentRow,
  freeDocumentRow,
  type InputKey,
} from './intake-form.ts';
import { intakeMessages } from './intake-messages.ts';

const FORM_LABEL = {
  original: 'formOriginal',
  certified_copy: 'formCertifiedCopy',
  copy: 'formCopy',
} as const satisfies Record<DocumentForm, keyof typeof intakeMessages.vi>;

/** A cell of the checklist: its label is for screen readers, the column header shows it. */
function Cell({
  label,
  error,
  className,
  children,
}: {
  label: string;
  error: string | undefined;
  className: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`cell ${className} ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-e` } : {}) })}
      {error ? (
        <small id={`${id}-e`} className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/**
 * The documents handed in: the catalogue's list to tick, or rows the clerk types when the
 * catalogue lists none. Each row says original or copy and how many, as the receipt does.
 */
export function DocumentChecklist({
  rows,
  onChange,
  errorOf,
  listedByCatalogue,
  procedureChosen,
}: {
  rows: readonly DocumentRow[];
  onChange: (rows: DocumentRow[]) => void;
  errorOf: (input: InputKey) => string | undefined;
  listedByCatalogue: boolean;
  procedureChosen: boolean;
}) {
  const t = useT(intakeMessages);
  const update = (key: string, change: Partial<DocumentRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const listError = errorOf('documents');
  return (
    <fieldset className={`documents ${listError ? 'field-invalid' : ''}`}>
      <legend>{t('documentsLegend')}</legend>
      <p className="muted">
        {!procedureChosen
          ? t('documentsPickFirst')
          : listedByCatalogue
            ? t('documentsFromCatalogue')
            : t('documentsNoneListed')}
      </p>
      {rows.length ? (
        <div className="doc-rows">
          <div className="doc-row doc-head" aria-hidden="true">
            <span>{t('colDocument')}</span>
            <span>{t('colForm')}</span>
            <span>{t('colQuantity')}</span>
            <span />
          </div>
          {rows.map((row, i) => {
            const n = i + 1;
            return (
              <div className="doc-row" key={row.key}>
                {row.fromCatalogue ? (
                  <label className="cell doc-name doc-check">
                    <input
                      type="checkbox"
                      checked={row.received}
                      onChange={(e) => update(row.key, { received: e.target.checked })}
                      aria-label={t('documentReceived', { name: row.name })}
                    />
                    <span>{row.name}</span>
                  </label>
                ) : (
                  <Cell
                    label={t('documentName', { n })}
                    error={errorOf(`documents.${row.key}.name`)}
                    className="doc-name"
                  >
                    {(props) => (
                      <input
                        {...props}
                        value={row.name}
                        maxLength={300}
                        onChange={(e) => update(row.key, { name: e.target.value })}
                      />
                    )}
                  </Cell>
                )}
                <Cell
                  label={t('documentForm', { n })}
                  error={errorOf(`documents.${row.key}.form`)}
                  className=""
                >
                  {(props) => (
                    <select
                      {...props}
                      value={row.form}
                      onChange={(e) => update(row.key, { form: e.target.value as DocumentForm })}
                    >
                      {DOCUMENT_FORMS.map((f) => (
                        <option key={f} value={f}>
                          {t(FORM_LABEL[f])}
                        </option>
                      ))}
                    </select>
                  )}
                </Cell>
                <Cell
                  label={t('documentQuantity', { n })}
                  error={errorOf(`documents.${row.key}.quantity`)}
                  className="doc-qty"
                >
                  {(props) => (
                    <input
                      {...props}
                      inputMode="numeric"
                      value={row.quantity}
                      onChange={(e) => update(row.key, { quantity: e.target.value })}
                    />
                  )}
                </Cell>
                {row.fromCatalogue ? (
                  <span />
                ) : (
                  <Button
                    variant="secondary"
                    aria-label={t('documentRemove', { n })}
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                  >
                    ×
                  </Button>
                )}
              </div>
            );
          })}
        </div>
      ) : null}
      {listError ? (
        <small className="field-error" role="alert">
          {listError}
        </small>
      ) : null}
      {procedureChosen ? (
        <div>
          <Button variant="secondary" onClick={() => onChange([...rows, freeDocumentRow()])}>
            <span aria-hidden="true">+</span> {t('documentAdd')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
