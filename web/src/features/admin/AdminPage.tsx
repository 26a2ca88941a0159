import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import type { Procedure, QueuePicture, Units, Ward } from '../../shared/api/types.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { formatTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { type Tab, Tabs } from '../../shared/ui/Tabs.tsx';
import { Alert, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { findWard, loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { CounterConfigEditor, type QueueFieldLabel } from './CounterConfigEditor.tsx';
import type { WardConfig } from './config-draft.ts';
import { Devices, StaffOnDuty } from './LivePanels.tsx';
import { adminMessages } from './messages.ts';
import { WardProcedures } from './WardProcedures.tsx';
import { groupProcedures } from './ward-catalogue.ts';
import './admin.css';

/** Staff and devices change by the minute; every 5 s keeps the page current without loading the API. */
const LIVE_REFRESH_MS = 5_000;

type TabId = 'counters' | 'live' | 'procedures';
const TAB_IDS: readonly TabId[] = ['counters', 'live', 'procedures'];

/** The ward admin's page: the queue's counters and fields, staff and devices live, the ward's procedures. */
export default function AdminPage() {
  const t = useT(adminMessages);
  const tc = useT(common);
  const { session } = useSession();
  const wardId = session?.principal.wardId;
  const units = useLoad(() => loadUnits(), []);

  if (!wardId) return <Alert>{t('noWard')}</Alert>;
  if (!units.data) {
    return (
      <>
        <PageTitle>{t('title')}</PageTitle>
        {units.error ? (
          <ErrorMessage error={units.error} onRetry={units.reload} />
        ) : (
          <Loading label={tc('loading')} />
        )}
      </>
    );
  }
  const ward = findWard(wardId, units.data);
  if (!ward) return <Alert>{t('unknownWard', { ward: wardId })}</Alert>;
  return <WardAdmin ward={ward} units={units.data} />;
}

function WardAdmin({ ward, units }: { ward: Ward; units: Units }) {
  const t = useT(adminMessages);
  const tc = useT(common);
  const { lang } = useLang();
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab') as TabId | null;
  const tab: TabId = tabParam && TAB_IDS.includes(tabParam) ? tabParam : 'counters';
  const district = ward.districtId;
  const base = `/v1/wards/${encodeURIComponent(ward.id)}`;

  const config = useLoad((signal) => api<WardConfig>(`${base}/queue/config`, { district, signal }), [base]);
  const picture = useLoad(
    (signal) => api<QueuePicture>(`${base}/queue`, { district, signal }),
    [base],
    LIVE_REFRESH_MS,
  );
  const procedures = useLoad((signal) => api<{ items: Procedure[] }>('/v1/procedures', { signal }), []);

  // The PUT answers the stored config: show it at once rather than wait for the reload.
  const [saved, setSaved] = useState<WardConfig>();
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning'; text: string }>();
  const current = saved && (!config.data || saved.version >= config.data.version) ? saved : config.data;

  const [updatedAt, setUpdatedAt] = useState<Date>();
  useEffect(() => {
    if (picture.data) setUpdatedAt(new Date());
  }, [picture.data]);

  // After a 409 the stored version is above the one edited; say so once the reload brings it.
  const [conflictedAt, setConflictedAt] = useState<number>();
  useEffect(() => {
    if (conflictedAt !== undefined && config.data && config.data.version > conflictedAt) {
      setConflictedAt(undefined);
      setNotice({ kind: 'warning', text: t('conflict', { version: config.data.version }) });
    }
  }, [conflictedAt, config.data, t]);

  const fieldLabels: QueueFieldLabel[] = useMemo(
    () =>
      (current?.queue.fields ?? []).map((f) => ({
        id: f.id,
        prefix: f.prefix,
        name: (lang === 'en' ? units.fields.find((u) => u.id === f.id)?.nameEn : undefined) ?? f.name,
      })),
    [current, lang, units.fields],
  );
  const fieldName = (id: string) => fieldLabels.find((f) => f.id === id)?.name ?? id;
  const clerkName = (id: string) => current?.staff.find((s) => s.id === id)?.name ?? id;

  const countersPanel = (
    <section className="stack" aria-labelledby="counters-heading">
      <div className="section-head">
        <h2 id="counters-heading">{t('countersHeading')}</h2>
        {current ? <span className="muted">{t('version', { version: current.version })}</span> : null}
      </div>
      <p className="muted">{t('countersIntro')}</p>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      {current && current.staff.length === 0 ? <Alert kind="warning">{t('noStaff')}</Alert> : null}
      {current ? (
        <CounterConfigEditor
          key={current.version}
          wardId={ward.id}
          district={district}
          loaded={current}
          fields={fieldLabels}
          onSaved={(stored) => {
            setSaved(stored);
            setNotice({ kind: 'success', text: t('saved', { version: stored.version }) });
            config.reload();
          }}
          onConflict={() => {
            setSaved(undefined);
            setNotice(undefined);
            setConflictedAt(current.version);
            config.reload();
          }}
        />
      ) : config.error ? (
        <ErrorMessage error={config.error} onRetry={config.reload} />
      ) : (
        <Loading label={tc('loading')} />
      )}
    </section>
  );

  const livePanel = picture.data ? (
    <div className="stack">
      <p className="muted small-text" aria-live="off">
        {t('autoRefresh', { time: updatedAt ? formatTime(updatedAt) : '' })}
      </p>
      {picture.error ? <Alert kind="warning">{t('refreshFailed')}</Alert> : null}
      <div className="live-grid">
        <StaffOnDuty picture={picture.data} fieldName={fieldName} clerkName={clerkName} />
        <Devices picture={picture.data} />
      </div>
    </div>
  ) : picture.error ? (
    <ErrorMessage error={picture.error} onRetry={picture.reload} />
  ) : (
    <Loading label={tc('loading')} />
  );

  const groups = useMemo(
    () => groupProcedures(procedures.data?.items ?? [], units.fields, current?.queue.counters ?? []),
    [procedures.data, units.fields, current],
  );
  const proceduresPanel = procedures.data ? (
    <WardProcedures groups={groups} />
  ) : procedures.error ? (
    <ErrorMessage error={procedures.error} onRetry={procedures.reload} />
  ) : (
    <Loading label={tc('loading')} />
  );

  const tabs: Tab<TabId>[] = [
    { id: 'counters', label: t('tabCounters'), content: countersPanel },
    { id: 'live', label: t('tabLive'), content: livePanel },
    { id: 'procedures', label: t('tabProcedures'), content: proceduresPanel },
  ];
  return (
    <div className="admin-page">
      <PageTitle>{t('titleOf', { ward: ward.name })}</PageTitle>
      <Tabs
        label={t('sections')}
        tabs={tabs}
        selected={tab}
        onSelect={(id) => setSearch(id === 'counters' ? {} : { tab: id }, { replace: true })}
      />
    </div>
  );
}
