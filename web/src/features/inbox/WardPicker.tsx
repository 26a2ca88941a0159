import type { District, Ward } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Field } from '../../shared/ui/ui.tsx';
import { inboxMessages } from './messages.ts';

/** The ward an official looks into: their district's wards, or the city's grouped by district. */
export function WardPicker({
  choices,
  value,
  onChange,
}: {
  choices: readonly { district: District; wards: readonly Ward[] }[];
  value: string;
  onChange: (wardId: string) => void;
}) {
  const t = useT(inboxMessages);
  const options = (wards: readonly Ward[]) =>
    wards.map((w) => (
      <option key={w.id} value={w.id}>
        {w.name}
      </option>
    ));
  return (
    <div className="ward-picker">
      <Field label={t('ward')}>
        {(props) => (
          <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('chooseWard')}</option>
            {choices.length === 1
              ? options(choices[0]?.wards ?? [])
              : choices.map((c) => (
                  <optgroup key={c.district.id} label={c.district.name}>
                    {options(c.wards)}
                  </optgroup>
                ))}
          </select>
        )}
      </Field>
    </div>
  );
}
