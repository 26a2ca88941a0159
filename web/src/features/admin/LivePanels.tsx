import type { QueuePicture } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Alert, Empty } from '../../shared/ui/ui.tsx';
import { deviceStatus, knownKind, outboxTone, sortDevices } from './device-status.ts';
import { type AdminKey, adminMessages } from './messages.ts';

/** Which clerk is logged in at which counter and the ticket each counter is serving. */
export function StaffOnDuty({
  picture,
  fieldName,
  clerkName,
}: {
  picture: QueuePicture;
  fieldName: (id: string) => string;
  clerkName: (id: string) => string;
}) {
  const t = useT(adminMessages);
  const busy = picture.counters.filter((c) => c.clerk).length;
  return (
    <section className="card stack" aria-labelledby="staff-heading">
      <div className="section-head">
        <h2 id="staff-heading">{t('staffHeading')}</h2>
        <span className="muted">{t('staffSummary', { busy, total: picture.counters.length })}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('counterColumn')}</th>
            <th scope="col">{t('clerkColumn')}</th>
            <th scope="col">{t('servingColumn')}</th>
            <th scope="col">{t('fieldsColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {picture.counters.map((c) => (
            <tr key={c.counter}>
              <th scope="row">{c.counter}</th>
              <td>{c.clerk ? clerkName(c.clerk) : <span className="muted">{t('noClerk')}</span>}</td>
              <td>
                {c.serving ? (
                  <strong className="ticket-number">{c.serving}</strong>
                ) : (
                  <span className="muted">{t('notServing')}</span>
                )}
              </td>
              <td className="small-text">{c.fields.map(fieldName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The ward's agent (online, last contact, outbox) and each device's health as it last reported. */
export function Devices({ picture }: { picture: QueuePicture }) {
  const t = useT(adminMessages);
  const { agent } = picture;
  const devices = sortDevices(picture.devices);
  const outbox = outboxTone(agent);
  return (
    <section className="card stack" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('devicesHeading')}</h2>
      <dl className="agent-facts">
        <div>
          <dt>{t('agent')}</dt>
          <dd>
            <span className={`badge ${agent.online ? 'badge-ok' : 'badge-bad'}`}>
              {agent.online ? t('agentOnline') : t('agentOffline')}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('lastSeen')}</dt>
          <dd>{agent.lastSeenAt ? formatDateTime(agent.lastSeenAt) : t('never')}</dd>
        </div>
        <div>
          <dt>{t('outbox')}</dt>
          <dd>
            <span className={`badge badge-${outbox}`}>{agent.outboxDepth}</span>
          </dd>
        </div>
      </dl>
      {!agent.online && devices.length > 0 ? <Alert kind="warning">{t('staleDevices')}</Alert> : null}
      {devices.length === 0 ? (
        <Empty>{t('noDevices')}</Empty>
      ) : (
        <table className="device-table">
          <thead>
            <tr>
              <th scope="col">{t('deviceColumn')}</th>
              <th scope="col">{t('stateColumn')}</th>
              <th scope="col">{t('detailColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => {
              const status = deviceStatus(device);
              return (
                <tr key={device.id} data-device={device.id}>
                  <th scope="row">
                    {t(`kind_${knownKind(device.kind)}` as AdminKey)}
                    <span className="muted device-id"> ({device.id})</span>
                  </th>
                  <td>
                    <span className={`badge badge-${status.tone}`}>
                      {t(`state_${status.state}` as AdminKey)}
                    </span>
                  </td>
                  <td className="small-text">{status.detail ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
