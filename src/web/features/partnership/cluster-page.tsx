import { Anchor, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useAgreements } from './api';
import { AgreementTab } from './agreement-tab';
import { MeetingsTab } from './meetings-tab';
import { ActionsTab } from './actions-tab';
import { ReportsTab } from './reports-tab';
import { TimelineTab } from './timeline-tab';

const TABS = ['agreement', 'meetings', 'actions', 'reports', 'timeline'] as const;

/** One cluster's partnership: agreement, meetings, actions, progress reports and timeline (tab in the URL). */
export function ClusterPartnershipPage() {
  const { t } = useTranslation('partnership');
  const { clusterId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const agreements = useAgreements(clusterId);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as string)
    : 'agreement';
  const clusterName = agreements.data?.data[0]?.clusterName ?? '';
  if (agreements.error) return <ErrorAlert error={agreements.error} />;
  return (
    <>
      <Anchor component={Link} to="/partnership" size="sm">
        ← {t('overviewTitle')}
      </Anchor>
      <PageHeader title={`${t('overviewTitle')}${clusterName ? `: ${clusterName}` : ''}`} />
      <Tabs value={tab} onChange={(value) => value && setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="agreement">
          <AgreementTab clusterId={clusterId} role={me.data?.user.role ?? ''} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings">
          <MeetingsTab clusterId={clusterId} />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionsTab clusterId={clusterId} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <ReportsTab clusterId={clusterId} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineTab clusterId={clusterId} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
