import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../../shared/i18n/i18n.tsx';
import { common } from '../../shared/ui/messages.ts';

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Esc closes it and focus goes
 * back to the button that opened it. Mounted open; the owner unmounts it on `onClose`.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT(common);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (!dialog.open) dialog.showModal();
    // The first field is where the user types; without one, the close button.
    const first = dialog.querySelector<HTMLElement>('input, select, textarea');
    first?.focus();
    const closed = () => onCloseRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog ${wide ? 'dialog-wide' : ''}`} aria-labelledby={titleId}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-secondary" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
