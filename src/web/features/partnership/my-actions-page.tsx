import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/page-header';
import { ActionsTable } from './actions-table';

export function MyActionsPage() {
  const { t } = useTranslation('partnership');
  return (
    <>
      <PageHeader title={t('myActionsTitle')} description={t('myActionsIntro')} />
      <ActionsTable clusterId={null} canEdit xlsxUrl="/api/partnership/actions/mine.xlsx" showCluster />
    </>
  );
}
