import { useState } from 'react';
import type { QueueConfig, QueuePicture } from '../../shared/api/types.ts';
import { formatDateTime, formatTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError, ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Field, Loading } from '../../shared/ui/ui.tsx';
import { deskMessages } from './messages.ts';
import { counterInPicture, fieldsOfCounter, transferTargets, waitingRows } from './queue-view.ts';
import type { CommandState, CounterCommand } from './use-counter.ts';

const COMMAND_LABEL = {
  'call-next': 'callNext',
  recall: 'recall',
  complete: 'complete',
  'no-show': 'noShow',
  transfer: 'transfer',
} as const satisfies Record<CounterCommand, keyof typeof deskMessages.vi>;

function AgentState({ agent }: { agent: QueuePicture['agent'] }) {
  const t = useT(deskMessages);
  const seen = agent.lastSeenAt ? t('agentLastSeen', { time: formatDateTime(agent.lastSeenAt) }) : '';
  if (agent.online)
    return (
      <p className="agent-state agent-online" role="status">
        <span className="dot" aria-hidden="true" />
        {t('agentOnline')}
      </p>
    );
  return (
    <Alert kind="warning">
      <div>
        <strong className="agent-state">{t('agentOffline')}</strong>
        <p>{seen || t('agentNeverSeen')}</p>
        <p>{t('agentOfflineHint')}</p>
      </div>
    </Alert>
  );
}

/** The queue at the clerk's counter: who is served, who waits, and the counter's commands. */
export function QueuePanel({
  picture,
  pictureError,
  onRetry,
  queue,
  queueError,
  counter,
  onCounter,
  commands,
  fieldNameOf,
}: {
  picture: QueuePicture | undefined;
  pictureError: unknown;
  onRetry: () => void;
  queue: QueueConfig | undefined;
  queueError: unknown;
  counter: number | undefined;
  onCounter: (counter: number | undefined) => void;
  commands: {
    state: CommandState | undefined;
    busy: boolean;
    send(c: CounterCommand, body?: { field: string }): void;
  };
  fieldNameOf: (fieldId: string) => string;
}) {
  const t = useT(deskMessages);
  const tc = useT(common);
  const [target, setTarget] = useState('');
  if (queueError) return <ErrorMessage error={queueError} onRetry={onRetry} />;
  if (!queue) return <Loading label={tc('loading')} />;

  const atCounter = picture && counter !== undefined ? counterInPicture(picture, counter) : undefined;
  const serving = atCounter?.serving;
  const targets = transferTargets(queue, serving);
  const transferTo = targets.some((f) => f.id === target) ? target : (targets[0]?.id ?? '');
  const mine = fieldsOfCounter(queue, counter);
  const ready = counter !== undefined && !commands.busy;
  const { state } = commands;
  const button = (command: CounterCommand, shortcut: string, needsTicket: boolean) => (
    <Button
      variant={command === 'call-next' ? 'primary' : 'secondary'}
      className={command === 'call-next' ? 'call-next' : undefined}
      disabled={!ready || (needsTicket && !serving)}
      busy={state?.kind === 'sending' && state.command === command}
      aria-keyshortcuts={shortcut}
      onClick={() => commands.send(command)}
    >
      {t(COMMAND_LABEL[command])}
    </Button>
  );

  return (
    <div className="stack">
      <Field label={t('counter')} hint={counter === undefined ? t('counterHint') : undefined}>
        {(props) => (
          <select
            {...props}
            value={counter ?? ''}
            onChange={(e) => onCounter(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t('counterChoose')}</option>
            {queue.counters.map((c) => (
              <option key={c.number} value={c.number}>
                {t('counterOption', { number: c.number, fields: c.fields.map(fieldNameOf).join(', ') })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {picture ? (
        <AgentState agent={picture.agent} />
      ) : pictureError ? null : (
        <Loading label={tc('loading')} />
      )}
      {pictureError ? (
        picture ? (
          <p className="muted">{t('refreshFailed')}</p>
        ) : (
          <ErrorMessage error={pictureError} onRetry={onRetry} />
        )
      ) : null}
      {counter === undefined ? (
        <Alert kind="info">{t('counterNone')}</Alert>
      ) : (
        <section className="serving" aria-labelledby="serving-label">
          <span id="serving-label" className="serving-label">
            {t('nowServing')}
          </span>
          <output className="serving-number" aria-labelledby="serving-label" data-testid="now-serving">
            {serving ?? '—'}
          </output>
          {serving ? null : <span className="muted">{t('nobodyServing')}</span>}
          {atCounter?.clerk ? (
            <span className="muted">{t('clerkAtCounter', { clerk: atCounter.clerk })}</span>
          ) : null}
        </section>
      )}
      {atCounter && !atCounter.clerk ? (
        <Alert kind="warning">{t('noClerkAtCounter', { number: atCounter.counter })}</Alert>
      ) : null}
      <div className="commands">
        {button('call-next', 'Alt+N', false)}
        <div className="command-row">
          {button('recall', 'Alt+R', true)}
          {button('complete', 'Alt+H', true)}
          {button('no-show', 'Alt+V', true)}
        </div>
        <Field label={t('transferTo')}>
          {(props) => (
            <div className="transfer-row">
              <select
                {...props}
                value={transferTo}
                disabled={!targets.length || !serving}
                onChange={(e) => setTarget(e.target.value)}
              >
                {targets.map((f) => (
                  <option key={f.id} value={f.id}>
                    {fieldNameOf(f.id)}
                  </option>
                ))}
              </select>
              <Button
                variant="secondary"
                disabled={!ready || !serving || !transferTo}
                busy={state?.kind === 'sending' && state.command === 'transfer'}
                onClick={() => commands.send('transfer', { field: transferTo })}
              >
                {t('transfer')}
              </Button>
            </div>
          )}
        </Field>
      </div>
      <p className="command-state" role="status" aria-live="polite">
        {state?.kind === 'sent'
          ? t('commandSent', { command: t(COMMAND_LABEL[state.command]), time: formatTime(state.at) })
          : null}
      </p>
      {state?.kind === 'failed' ? (
        <Alert>
          {t('commandFailed', {
            command: t(COMMAND_LABEL[state.command]),
            reason: describeError(state.error, tc),
          })}
        </Alert>
      ) : null}
      {picture ? (
        <table className="waiting">
          <caption>{t('waitingHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('waitingField')}</th>
              <th scope="col">{t('waitingCount')}</th>
            </tr>
          </thead>
          <tbody>
            {waitingRows(picture, mine).map((row) => (
              <tr key={row.field} className={row.mine ? 'mine' : undefined}>
                <td>
                  {fieldNameOf(row.field)}
                  {row.mine ? <span className="badge">{t('thisCounter')}</span> : null}
                </td>
                <td className="count">{row.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
