import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useMyActions } from './api';
import { ActionsTable } from './actions-table';

export function MyActionsPage() {
  const { t } = useTranslation('partnership');
  const actions = useMyActions();
  return (
    <>
      <PageHeader title={t('myActionsTitle')} description={t('myActionsIntro')} />
      <ErrorAlert error={actions.error} />
      <ActionsTable
        actions={actions.data?.data ?? []}
        canEdit
        xlsxUrl="/api/partnership/actions/mine.xlsx"
        showCluster
      />
    </>
  );
}
