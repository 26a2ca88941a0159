import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Units } from '../../shared/api/types.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Tabs } from '../../shared/ui/Tabs.tsx';
import { Alert, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { findWard, loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { DossierList } from './DossierList.tsx';
import { inboxMessages } from './messages.ts';
import { type InboxTab, pickTab, tabsFor, wardChoicesFor } from './tabs.ts';
import { WardOverview } from './WardOverview.tsx';
import { WardPicker } from './WardPicker.tsx';
import './inbox.css';

/** The staff's lists of dossiers: their own, those awaiting the leader, and the ward's overview. */
export default function InboxPage() {
  const t = useT(inboxMessages);
  const { session } = useSession();
  const units = useLoad(() => loadUnits(), []);
  const principal = session?.principal;
  if (!principal) return null;
  let body: ReactNode;
  if (units.data)
    body = principal.wardId ? (
      <WardInbox principal={principal} wardId={principal.wardId} units={units.data} />
    ) : (
      <OfficialInbox principal={principal} units={units.data} />
    );
  else if (units.error) body = <ErrorMessage error={units.error} onRetry={units.reload} />;
  else body = <Loading label={t('loading')} />;
  return (
    <div className="inbox stack">
      <PageTitle>{t('title')}</PageTitle>
      {body}
    </div>
  );
}

function WardInbox({ principal, wardId, units }: { principal: Principal; wardId: string; units: Units }) {
  const t = useT(inboxMessages);
  const [params, setParams] = useSearchParams();
  const ward = findWard(wardId, units);
  const district = principal.districtId ?? ward?.districtId;
  const tabs = tabsFor(principal);
  const tab = pickTab(tabs, params.get('tab'));
  if (!district || !tab) return <Alert kind="info">{t('noWard')}</Alert>;
  const select = (next: InboxTab) => setParams({ tab: next }, { replace: true });
  // Only the shown list loads: the others would fetch for nothing.
  const panel = (id: InboxTab) =>
    id === 'assigned' ? (
      <DossierList
        wardId={wardId}
        district={district}
        query={{ assignee: principal.userId }}
        label={t('assigned')}
      />
    ) : id === 'approval' ? (
      <DossierList
        wardId={wardId}
        district={district}
        query={{ status: 'awaiting_approval' }}
        label={t('approval')}
      />
    ) : (
      <WardOverview wardId={wardId} district={district} />
    );
  return (
    <>
      <p className="muted inbox-ward">{ward?.name ?? wardId}</p>
      <Tabs
        label={t('tabs')}
        tabs={tabs.map((id) => ({ id, label: t(id), content: id === tab ? panel(id) : null }))}
        selected={tab}
        onSelect={select}
      />
    </>
  );
}

/** District and city officials: pick a ward, then read its overview. */
function OfficialInbox({ principal, units }: { principal: Principal; units: Units }) {
  const t = useT(inboxMessages);
  const [params, setParams] = useSearchParams();
  const choices = wardChoicesFor(principal, units);
  if (choices.length === 0) return <Alert kind="info">{t('noWard')}</Alert>;
  const wardId = params.get('ward') ?? '';
  const ward = choices.flatMap((c) => c.wards).find((w) => w.id === wardId);
  return (
    <>
      <WardPicker
        choices={choices}
        value={ward?.id ?? ''}
        onChange={(id) => setParams(id ? { ward: id } : {}, { replace: true })}
      />
      {ward ? (
        <section className="stack">
          <h2>
            {t('overview')} – {ward.name}
          </h2>
          <WardOverview key={ward.id} wardId={ward.id} district={ward.districtId} />
        </section>
      ) : (
        <p className="muted">{t('pickWard')}</p>
      )}
    </>
  );
}
