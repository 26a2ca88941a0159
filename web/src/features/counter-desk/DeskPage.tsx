import { useCallback, useMemo, useRef, useState } from 'react';
import { api } from '../../shared/api/client.ts';
import type { Procedure, QueueConfig, IntakeResult as Result } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Alert, PageTitle } from '../../shared/ui/ui.tsx';
import { districtOfWard, fieldName, findWard, loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { IntakeForm } from './IntakeForm.tsx';
import { IntakeResult } from './IntakeResult.tsx';
import { deskMessages } from './messages.ts';
import { QueuePanel } from './QueuePanel.tsx';
import { fieldsOfCounter } from './queue-view.ts';
import { useChosenCounter, useCounterCommands, useQueuePicture } from './use-counter.ts';
import { useDeskShortcuts } from './use-desk-shortcuts.ts';
import './desk.css';

/** `GET /v1/wards/{wardId}/queue/config` as a clerk reads it. */
interface WardQueueConfig {
  readonly version: number;
  readonly queue: QueueConfig;
}

/** The clerk's screen: the counter's queue on the left, dossier intake in the main area. */
export default function DeskPage() {
  const { session } = useSession();
  const wardId = session?.principal.wardId;
  const t = useT(deskMessages);
  if (!wardId) return <Alert>{t('noWard')}</Alert>;
  return <Desk wardId={wardId} />;
}

function Desk({ wardId }: { wardId: string }) {
  const t = useT(deskMessages);
  const { lang } = useLang();
  const units = useLoad(() => loadUnits(), []);
  const district = units.data ? districtOfWard(wardId, units.data)?.id : undefined;
  const ward = units.data ? findWard(wardId, units.data) : undefined;
  const config = useLoad(
    (signal) =>
      district
        ? api<WardQueueConfig>(`/v1/wards/${encodeURIComponent(wardId)}/queue/config`, { district, signal })
        : Promise.resolve(undefined),
    [wardId, district],
  );
  const procedures = useLoad((signal) => api<{ items: Procedure[] }>('/v1/procedures', { signal }), []);
  const queue = config.data?.queue;
  const numbers = useMemo(() => queue?.counters.map((c) => c.number), [queue]);
  const { counter, choose } = useChosenCounter(wardId, numbers);
  const picture = useQueuePicture(wardId, district);
  const commands = useCounterCommands(wardId, district, counter, picture.hurry);
  const preferredFields = useMemo(() => (queue ? fieldsOfCounter(queue, counter) : []), [queue, counter]);
  const fieldNameOf = useCallback(
    (id: string) => fieldName(id, lang, units.data?.fields, queue?.fields.find((f) => f.id === id)?.name),
    [lang, units.data, queue],
  );

  const [result, setResult] = useState<Result>();
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const procedureRef = useRef<HTMLInputElement>(null);
  useDeskShortcuts({
    'call-next': () => commands.send('call-next'),
    recall: () => commands.send('recall'),
    complete: () => commands.send('complete'),
    'no-show': () => commands.send('no-show'),
    procedure: () => procedureRef.current?.focus(),
    submit: () => formRef.current?.requestSubmit(),
  });

  const startNew = () => {
    setResult(undefined);
    setRound((r) => r + 1);
    setTimeout(() => procedureRef.current?.focus());
  };

  return (
    <div className="desk">
      <PageTitle>{ward ? t('titleWard', { ward: ward.name }) : t('title')}</PageTitle>
      <p className="shortcuts muted">
        <strong>{t('shortcuts')}:</strong> {t('shortcutList')}
      </p>
      <div className="desk-layout">
        <aside className="card queue-panel" aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t('queueHeading')}</h2>
          <QueuePanel
            picture={picture.data}
            pictureError={units.error ?? picture.error}
            onRetry={() => {
              units.reload();
              config.reload();
              picture.reload();
            }}
            queue={queue}
            queueError={units.error ?? config.error}
            counter={counter}
            onCounter={choose}
            commands={commands}
            fieldNameOf={fieldNameOf}
          />
        </aside>
        <div className="desk-main">
          {result ? (
            <IntakeResult result={result} district={district} onNew={startNew} />
          ) : (
            <IntakeForm
              key={round}
              wardId={wardId}
              district={district}
              procedures={procedures.data?.items}
              preferredFields={preferredFields}
              fieldNameOf={fieldNameOf}
              onReceived={setResult}
              formRef={formRef}
              procedureRef={procedureRef}
            />
          )}
          {procedures.error ? <ErrorMessage error={procedures.error} onRetry={procedures.reload} /> : null}
        </div>
      </div>
    </div>
  );
}
