import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from 'react';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Field } from '../../shared/ui/ui.tsx';
import type { ApplicantDraft, ApplicantInput, InputKey } from './intake-form.ts';
import { intakeMessages } from './intake-messages.ts';

const INPUTS: readonly {
  readonly name: ApplicantInput;
  readonly type: HTMLInputTypeAttribute;
  readonly autoComplete: HTMLInputAutoCompleteAttribute;
  readonly maxLength: number;
  /** Columns of the four-column grid the input takes. */
  readonly span: 1 | 2 | 3;
}[] = [
  { name: 'fullName', type: 'text', autoComplete: 'off', maxLength: 200, span: 2 },
  { name: 'idNumber', type: 'text', autoComplete: 'off', maxLength: 20, span: 1 },
  { name: 'phone', type: 'tel', autoComplete: 'off', maxLength: 20, span: 1 },
  { name: 'email', type: 'email', autoComplete: 'off', maxLength: 254, span: 1 },
  { name: 'address', type: 'text', autoComplete: 'off', maxLength: 500, span: 3 },
];

/** The applicant (Applicant in functions/domain/dossier/dossier.ts); only the full name is required. */
export function ApplicantFields({
  applicant,
  onChange,
  errorOf,
}: {
  applicant: ApplicantDraft;
  onChange: (name: ApplicantInput, value: string) => void;
  errorOf: (input: InputKey) => string | undefined;
}) {
  const t = useT(intakeMessages);
  return (
    <fieldset className="applicant">
      <legend>{t('applicantLegend')}</legend>
      <div className="applicant-grid">
        {INPUTS.map((input) => (
          <div key={input.name} className={`span-${input.span}`}>
            <Field label={t(input.name)} error={errorOf(input.name)}>
              {(props) => (
                <input
                  {...props}
                  name={input.name}
                  type={input.type}
                  autoComplete={input.autoComplete}
                  maxLength={input.maxLength}
                  required={input.name === 'fullName'}
                  value={applicant[input.name]}
                  onChange={(e) => onChange(input.name, e.target.value)}
                />
              )}
            </Field>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
