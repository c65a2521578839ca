import { brusselsToday } from '../../../shared/brussels-time';
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api-client';
import { formatDate, formatPercent } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useCluster, useMembers, usePortfolioMutation, type ClusterDetail, type Member } from './api';
import { HELIXES } from './portfolio-page';
import { OrganisationSelect } from '../../shared/organisation-select';
import { ThemeMultiSelect, themeLabel } from '../../shared/theme-select';

function EditModal({
  cluster,
  editAll,
  onClose,
}: {
  cluster: ClusterDetail;
  editAll: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  const [officerFields, setOfficerFields] = useState({
    name: cluster.name,
    mandateStart: cluster.mandateStart ?? '',
    mandateEnd: cluster.mandateEnd ?? '',
    legalEntityId: cluster.legalEntity?.id ?? null,
  });
  const [mission, setMission] = useState(cluster.economicMission);
  const [goals, setGoals] = useState(
    cluster.goals.map((g) => `${g.title}${g.targetYear ? ` | ${g.targetYear}` : ''}`).join('\n'),
  );
  const [themeIds, setThemeIds] = useState([...cluster.transitions, ...cluster.themes].map((x) => x.id));
  const save = usePortfolioMutation(() =>
    api.patch(`/api/clusters/${cluster.id}`, {
      ...(editAll
        ? {
            name: officerFields.name,
            mandateStart: officerFields.mandateStart || null,
            mandateEnd: officerFields.mandateEnd || null,
            legalEntityId: officerFields.legalEntityId,
          }
        : {}),
      economicMission: mission,
      themeIds,
      goals: goals
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((line) => {
          const [title, year] = line.split('|').map((p) => p.trim());
          return { title, description: '', targetYear: year && /^\d{4}$/.test(year) ? Number(year) : null };
        }),
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('editCluster')} size="lg">
      <Stack>
        <ErrorAlert error={save.error} />
        {editAll && (
          <>
            <TextInput
              label={t('name')}
              value={officerFields.name}
              onChange={(e) => setOfficerFields({ ...officerFields, name: e.currentTarget.value })}
            />
            <Group grow>
              <TextInput
                type="date"
                label={t('mandateStart')}
                value={officerFields.mandateStart}
                onChange={(e) => setOfficerFields({ ...officerFields, mandateStart: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('mandateEnd')}
                value={officerFields.mandateEnd}
                onChange={(e) => setOfficerFields({ ...officerFields, mandateEnd: e.currentTarget.value })}
              />
            </Group>
            <OrganisationSelect
              label={t('legalEntity')}
              clearable
              value={officerFields.legalEntityId}
              known={cluster.legalEntity ? [cluster.legalEntity] : []}
              onChange={(v) => setOfficerFields({ ...officerFields, legalEntityId: v })}
            />
          </>
        )}
        <Textarea
          label={t('mission')}
          autosize
          minRows={3}
          value={mission}
          onChange={(e) => setMission(e.currentTarget.value)}
        />
        <Textarea
          label={t('goalsHelp')}
          autosize
          minRows={3}
          value={goals}
          onChange={(e) => setGoals(e.currentTarget.value)}
        />
        <ThemeMultiSelect
          label={t('themesAndTransitions')}
          value={themeIds}
          onChange={setThemeIds}
          describe={(x) => `${t(`themeKinds.${x.kind}`)}: ${themeLabel(x, i18n.language)}`}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ message: t('saved') });
                  onClose();
                },
              })
            }
          >
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LifecycleModal({
  cluster,
  mode,
  onClose,
}: {
  cluster: ClusterDetail;
  mode: 'status' | 'promote';
  onClose: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  const [status, setStatus] = useState<string | null>(cluster.status === 'candidate' ? 'active' : 'ended');
  const [effectiveOn, setEffectiveOn] = useState(brusselsToday());
  const [motivation, setMotivation] = useState('');
  const save = usePortfolioMutation(() =>
    mode === 'promote'
      ? api.post(`/api/clusters/${cluster.id}/promote`, { effectiveOn, motivation })
      : api.post(`/api/clusters/${cluster.id}/status`, { status, effectiveOn, motivation }),
  );
  return (
    <Modal opened onClose={onClose} title={mode === 'promote' ? t('promote') : t('changeStatus')}>
      <Stack>
        <ErrorAlert error={save.error} />
        {mode === 'status' && (
          <Select
            label={t('status')}
            value={status}
            onChange={setStatus}
            data={['active', 'ended'].map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
        )}
        <TextInput
          type="date"
          label={t('effectiveOn')}
          value={effectiveOn}
          onChange={(e) => setEffectiveOn(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t('motivation')}
          autosize
          minRows={3}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
          required={mode === 'promote'}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ message: t('saved') });
                  onClose();
                },
              })
            }
          >
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One cluster: mission, roadmap, themes, members, lifecycle history and who follows it. */
export function ClusterPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('portfolio');
  const cluster = useCluster(id);
  const [memberPage, setMemberPage] = useState(1);
  const members = useMembers(id, memberPage);
  const [modal, setModal] = useState<'edit' | 'status' | 'promote' | null>(null);
  const c = cluster.data?.data;
  const abilities = cluster.data?.abilities ?? {};
  if (cluster.error) return <ErrorAlert error={cluster.error} />;
  if (!c) return <Text>{t('loading')}</Text>;

  const columns: ColumnDef<Member>[] = [
    {
      accessorKey: 'name',
      header: t('organisation'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/portfolio/organisations/${row.original.organisationId}`}>
          {row.original.name}
        </Anchor>
      ),
    },
    { accessorKey: 'helix', header: t('helixLabel'), cell: (x) => t(`helix.${x.getValue() as string}`) },
    { accessorKey: 'sizeClass', header: t('sizeClass'), cell: (x) => t(`sizes.${x.getValue() as string}`) },
    {
      accessorKey: 'isPioneer',
      header: t('pioneer'),
      cell: (x) =>
        x.getValue() ? (
          <Badge size="sm" color="grape">
            {t('pioneer')}
          </Badge>
        ) : (
          ''
        ),
    },
    {
      accessorKey: 'membershipType',
      header: t('membershipType'),
      cell: (x) => t(`membershipTypes.${x.getValue() as string}`),
    },
    { accessorKey: 'validFrom', header: t('from'), cell: (x) => formatDate(x.getValue() as string) },
    { accessorKey: 'validTo', header: t('to'), cell: (x) => formatDate(x.getValue() as string | null) },
  ];

  return (
    <>
      <PageHeader
        title={c.name}
        description={
          `${t(`kinds.${c.kind}`)} · ${t(`statuses.${c.status}`)} · ${t('mandate')} ` +
          `${formatDate(c.mandateStart)} – ${formatDate(c.mandateEnd)}`
        }
        actions={
          <>
            {abilities.edit && (
              <Button variant="light" onClick={() => setModal('edit')}>
                {t('editCluster')}
              </Button>
            )}
            {abilities.changeStatus && (
              <Button variant="light" onClick={() => setModal('status')}>
                {t('changeStatus')}
              </Button>
            )}
            {abilities.promote && <Button onClick={() => setModal('promote')}>{t('promote')}</Button>}
            {abilities.editMembers && (
              <Button component={Link} to={`/portfolio/clusters/${c.id}/import`} variant="outline">
                {t('importMembers')}
              </Button>
            )}
          </>
        }
      />
      <Grid mb="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" mb="md">
            <Title order={2} size="h4">
              {t('mission')}
            </Title>
            <Text mt="xs">{c.economicMission || '–'}</Text>
            <Title order={2} size="h4" mt="md">
              {t('roadmap')}
            </Title>
            <List mt="xs">
              {c.goals.map((g) => (
                <List.Item key={g.id}>
                  {g.title}
                  {g.targetYear ? ` (${g.targetYear})` : ''}
                  {g.description ? ` — ${g.description}` : ''}
                </List.Item>
              ))}
            </List>
            <Title order={2} size="h4" mt="md">
              {t('themesAndTransitions')}
            </Title>
            <Group gap={6} mt="xs">
              {c.transitions.map((x) => (
                <Badge key={x.id} variant="filled">
                  {themeLabel(x, i18n.language)}
                </Badge>
              ))}
              {c.themes.map((x) => (
                <Badge key={x.id} variant="light">
                  {themeLabel(x, i18n.language)}
                </Badge>
              ))}
            </Group>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" mb="md">
            <Text size="sm">
              {t('legalEntity')}:{' '}
              {c.legalEntity ? (
                <Anchor component={Link} to={`/portfolio/organisations/${c.legalEntity.id}`}>
                  {c.legalEntity.name}
                </Anchor>
              ) : (
                '–'
              )}
            </Text>
            <Text size="sm">
              {t('officer')}: {c.officerName ?? '–'}
            </Text>
            <Text size="sm">
              {t('managers')}: {c.managers.map((m) => m.name).join(', ') || '–'}
            </Text>
            <Text size="sm" mt="sm">
              {t('membersCount', { count: c.memberSummary.members })} · {t('smeShort')}{' '}
              {formatPercent(c.memberSummary.smeShare)}
            </Text>
            <Text size="sm">
              {HELIXES.map((h) => `${t(`helixShort.${h}`)} ${c.memberSummary.byHelix[h]}`).join(' · ')}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="sm">
              {t('history')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {c.history.map((h) => (
                <Timeline.Item key={h.id} title={`${formatDate(h.effectiveOn)}: ${t(`events.${h.event}`)}`}>
                  <Text size="xs">
                    {h.event === 'promoted'
                      ? `${t(`kinds.${h.fromKind}`)} → ${t(`kinds.${h.toKind}`)}`
                      : `${h.fromStatus ? `${t(`statuses.${h.fromStatus}`)} → ` : ''}${t(`statuses.${h.toStatus}`)}`}
                  </Text>
                  {h.motivation && (
                    <Text size="xs" c="dimmed">
                      {h.motivation}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        </Grid.Col>
      </Grid>
      <Title order={2} size="h4" mb="xs">
        {t('members')}
      </Title>
      <ErrorAlert error={members.error} />
      <DataTable
        data={members.data?.data ?? []}
        columns={columns}
        xlsxUrl={`/api/clusters/${c.id}/members.xlsx`}
        csvUrl={`/api/clusters/${c.id}/members.csv`}
        serverPage={members.data ? { ...members.data.page, onPageChange: setMemberPage } : undefined}
      />
      {modal === 'edit' && (
        <EditModal cluster={c} editAll={abilities.editAll === true} onClose={() => setModal(null)} />
      )}
      {(modal === 'status' || modal === 'promote') && (
        <LifecycleModal cluster={c} mode={modal} onClose={() => setModal(null)} />
      )}
    </>
  );
}
