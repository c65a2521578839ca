import { Badge, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { formatDate } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Money } from './money';
import { PageHeader } from '../../shared/page-header';
import { useProjects, type ProjectSummary } from './api';
import { CreateProjectModal } from './forms';

export function ProjectsPage() {
  const { t } = useTranslation('funding');
  const projects = useProjects();
  const [opened, modal] = useDisclosure();
  const columns: ColumnDef<ProjectSummary>[] = [
    {
      accessorKey: 'code',
      header: t('code'),
      cell: ({ row }) => <Link to={`/funding/projects/${row.original.id}`}>{row.original.code}</Link>,
    },
    { accessorKey: 'title', header: t('title') },
    {
      id: 'kind',
      header: t('kind'),
      accessorFn: (p) => t(`kinds.${p.kind}`),
      cell: ({ row }) => (
        <Badge variant="light" color={row.original.kind === 'inter_cluster_project' ? 'grape' : 'blue'}>
          {t(`kinds.${row.original.kind}`)}
        </Badge>
      ),
    },
    { id: 'clusters', header: t('clusterCount'), accessorFn: (p) => p.clusterIds.length },
    { id: 'status', header: t('status'), accessorFn: (p) => t(`statuses.${p.status}`) },
    { accessorKey: 'startsOn', header: t('start'), cell: (c) => formatDate(c.getValue() as string) },
    { accessorKey: 'endsOn', header: t('end'), cell: (c) => formatDate(c.getValue() as string) },
    { accessorKey: 'aidCents', header: t('aid'), cell: (c) => <Money cents={c.getValue() as number} /> },
    {
      accessorKey: 'committedCents',
      header: t('committed'),
      cell: (c) => <Money cents={c.getValue() as number} />,
    },
    { accessorKey: 'paidCents', header: t('paid'), cell: (c) => <Money cents={c.getValue() as number} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('projectsTitle')}
        description={t('projectsIntro')}
        actions={projects.data?.abilities.create && <Button onClick={modal.open}>{t('newProject')}</Button>}
      />
      <ErrorAlert error={projects.error} />
      <DataTable
        data={projects.data?.data ?? []}
        serverPage={projects.serverPage}
        columns={columns}
        xlsxUrl="/api/projects.xlsx"
      />
      {opened && <CreateProjectModal opened onClose={modal.close} />}
    </>
  );
}
