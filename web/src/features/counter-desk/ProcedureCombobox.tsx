import { type KeyboardEvent, type Ref, useId, useMemo, useState } from 'react';
import type { Procedure } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Field } from '../../shared/ui/ui.tsx';
import { intakeMessages } from './intake-messages.ts';
import { searchProcedures } from './procedure-search.ts';

/** Options shown at once: enough to scroll through, few enough to stay quick on a ward PC. */
const MAX_OPTIONS = 30;

/**
 * The procedure picker: a combobox with a listbox (WAI-ARIA pattern with
 * aria-activedescendant), so focus stays in the input while ↑ ↓ move and Enter chooses.
 */
export function ProcedureCombobox({
  procedures,
  preferredFields,
  fieldNameOf,
  chosen,
  onChoose,
  error,
  inputRef,
}: {
  procedures: readonly Procedure[] | undefined;
  preferredFields: readonly string[];
  fieldNameOf: (fieldId: string) => string;
  chosen: Procedure | undefined;
  onChoose: (procedure: Procedure | undefined) => void;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
}) {
  const t = useT(intakeMessages);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // -1: nothing highlighted yet; Enter then takes the best match.
  const [active, setActive] = useState(-1);
  const matches = useMemo(
    () => searchProcedures(procedures ?? [], query, preferredFields).slice(0, MAX_OPTIONS),
    [procedures, query, preferredFields],
  );
  const shown = open && matches.length > 0;
  const optionId = (i: number) => `${listId}-o${i}`;

  const choose = (p: Procedure) => {
    onChoose(p);
    setQuery(p.name);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((i) => {
        if (!matches.length) return -1;
        if (!open || i < 0) return step === 1 ? 0 : matches.length - 1;
        return (i + step + matches.length) % matches.length;
      });
    } else if (e.key === 'Enter' && shown) {
      // Enter chooses; it must not submit the intake form around it.
      e.preventDefault();
      const p = matches[Math.max(0, active)];
      if (p) choose(p);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const hint = procedures ? t('procedureHint') : t('procedureLoading');
  return (
    <div className="combobox">
      <Field label={t('procedure')} hint={hint} error={error}>
        {(props) => (
          <div className="combobox-anchor">
            <input
              {...props}
              ref={inputRef}
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={shown}
              aria-controls={listId}
              aria-activedescendant={shown && matches[active] ? optionId(active) : undefined}
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setOpen(true);
                setActive(-1);
                if (chosen) onChoose(undefined);
              }}
              onFocus={() => setOpen(!chosen)}
              onBlur={() => setOpen(false)}
              onKeyDown={onKeyDown}
            />
            <div
              id={listId}
              role="listbox"
              aria-label={t('procedureResults')}
              className="combobox-list"
              hidden={!shown}
            >
              {matches.map((p, i) => (
                <div
                  key={p.id}
                  tabIndex={-1}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  // mousedown, not click: the input keeps its focus until the choice is made.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(p);
                  }}
                  onMouseMove={() => setActive(i)}
                >
                  <span className="option-name">{p.name}</span>
                  <span className="option-meta">
                    {p.id} · {fieldNameOf(p.fieldId)}
                    {preferredFields.length && !preferredFields.includes(p.fieldId)
                      ? ` · ${t('procedureOtherField')}`
                      : null}
                  </span>
                </div>
              ))}
            </div>
          </div>
        )}
      </Field>
      {open && query.trim() && procedures && matches.length === 0 ? (
        <p className="muted" role="status">
          {t('procedureNone', { query: query.trim() })}
        </p>
      ) : null}
    </div>
  );
}
