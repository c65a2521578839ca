import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatNumber, formatPercent } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { EChart } from '../../shared/echart';
import { exportUrl, useComparison, useComparisonMutation, type Comparison } from './api';

type Scenario = Comparison['scenarios'][number];
type Sensitivity = Comparison['sensitivity'][number];
type Score = Comparison['scores'][number];

function EditScenarioModal({ scenario, onClose }: { scenario: Scenario; onClose: () => void }) {
  const { t } = useTranslation('policy');
  const { t: tc } = useTranslation();
  const [name, setName] = useState(scenario.name);
  const [description, setDescription] = useState(scenario.description);
  const save = useComparisonMutation(() =>
    api.put<Comparison>(`/api/policy/scenarios/${scenario.id}`, { name, description }),
  );
  return (
    <Modal opened onClose={onClose} title={t('editScenario')} size="lg">
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea
          label={t('description')}
          autosize
          minRows={4}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
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

function WeightsCard({ data, canEdit }: { data: Comparison; canEdit: boolean }) {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en';
  const [weights, setWeights] = useState<Record<string, number>>({});
  useEffect(
    () => setWeights(Object.fromEntries(data.criteria.map((c) => [c.id, c.rawWeight]))),
    [data.criteria],
  );
  const save = useComparisonMutation(() =>
    api.put<Comparison>('/api/policy/criteria/weights', {
      weights: data.criteria.map((c) => ({ criterionId: c.id, weight: weights[c.id] ?? 0 })),
    }),
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('criteria')}
      </Title>
      <ErrorAlert error={save.error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('criterion')}</Table.Th>
            <Table.Th>{t('enteredWeight')}</Table.Th>
            <Table.Th>{t('normalisedWeight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.criteria.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                {en ? c.nameEn : c.nameNl}
                <Text size="xs" c="dimmed">
                  {en ? c.descriptionEn : c.descriptionNl}
                </Text>
              </Table.Td>
              <Table.Td>
                {canEdit ? (
                  <NumberInput
                    aria-label={`${t('enteredWeight')} ${en ? c.nameEn : c.nameNl}`}
                    min={0}
                    step={0.05}
                    decimalScale={4}
                    value={weights[c.id] ?? 0}
                    onChange={(v) => setWeights({ ...weights, [c.id]: Number(v) || 0 })}
                    w={120}
                  />
                ) : (
                  formatNumber(c.rawWeight, 4)
                )}
              </Table.Td>
              <Table.Td>{formatPercent(c.weight, 1)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group justify="flex-end" mt="sm">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
            }
          >
            {t('saveWeights')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function ScoreForm({ data, abilities }: { data: Comparison; abilities: Record<string, boolean> }) {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en';
  const options = [
    ...(abilities.scoreAsSelf ? [{ value: 'me', label: t('asMyself') }] : []),
    ...(abilities.scoreForStakeholder
      ? data.stakeholders
          .filter((s) => s.kind === 'organisation')
          .map((s) => ({ value: s.id, label: s.label }))
      : []),
  ];
  const [target, setTarget] = useState<string | null>(options[0]?.value ?? null);
  const [scenarioId, setScenarioId] = useState<string | null>(data.scenarios[0]?.id ?? null);
  const [newName, setNewName] = useState('');
  const stakeholderId = target === 'me' ? data.myStakeholderId : target;
  const existing = useMemo(
    () =>
      new Map(
        data.scores
          .filter((s) => s.stakeholderId === stakeholderId && s.scenarioId === scenarioId)
          .map((s) => [s.criterionId, s]),
      ),
    [data.scores, stakeholderId, scenarioId],
  );
  const [entries, setEntries] = useState<Record<string, { score: number | null; comment: string }>>({});
  useEffect(
    () =>
      setEntries(
        Object.fromEntries(
          data.criteria.map((c) => [
            c.id,
            { score: existing.get(c.id)?.score ?? null, comment: existing.get(c.id)?.comment ?? '' },
          ]),
        ),
      ),
    [existing, data.criteria],
  );
  const save = useComparisonMutation(() => {
    const scores = data.criteria.map((c) => ({
      scenarioId,
      criterionId: c.id,
      score: entries[c.id]?.score ?? null,
      comment: entries[c.id]?.comment ?? '',
    }));
    return target === 'me'
      ? api.put<Comparison>('/api/policy/my-scores', { scores })
      : api.put<Comparison>(`/api/policy/stakeholders/${target}/scores`, { scores });
  });
  const create = useComparisonMutation(() =>
    api.post<Comparison>('/api/policy/stakeholders', { name: newName }),
  );
  if (options.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {abilities.scoreForStakeholder ? t('scoreFor') : t('myScores')}
      </Title>
      <ErrorAlert error={save.error ?? create.error} />
      <Group align="flex-end">
        <Select
          label={t('stakeholder')}
          data={options}
          value={target}
          onChange={setTarget}
          allowDeselect={false}
          w={320}
        />
        <Select
          label={t('scenario')}
          data={data.scenarios.map((s) => ({ value: s.id, label: s.name }))}
          value={scenarioId}
          onChange={setScenarioId}
          allowDeselect={false}
          w={360}
        />
      </Group>
      <Stack gap="xs" mt="sm">
        {data.criteria.map((c) => (
          <Group key={c.id} align="flex-end" wrap="nowrap">
            <NumberInput
              label={en ? c.nameEn : c.nameNl}
              min={1}
              max={5}
              step={1}
              allowDecimal={false}
              w={220}
              value={entries[c.id]?.score ?? ''}
              onChange={(v) =>
                setEntries({
                  ...entries,
                  [c.id]: { comment: entries[c.id]?.comment ?? '', score: v === '' ? null : Number(v) },
                })
              }
            />
            <TextInput
              aria-label={`${t('comment')} ${en ? c.nameEn : c.nameNl}`}
              placeholder={t('comment')}
              style={{ flex: 1 }}
              value={entries[c.id]?.comment ?? ''}
              onChange={(e) =>
                setEntries({
                  ...entries,
                  [c.id]: { score: entries[c.id]?.score ?? null, comment: e.currentTarget.value },
                })
              }
            />
          </Group>
        ))}
      </Stack>
      <Group justify="space-between" mt="sm">
        {abilities.addStakeholder ? (
          <Group align="flex-end">
            <TextInput
              label={t('newStakeholder')}
              value={newName}
              onChange={(e) => setNewName(e.currentTarget.value)}
              w={300}
            />
            <Button
              variant="light"
              disabled={!newName.trim()}
              loading={create.isPending}
              onClick={() =>
                create.mutate(undefined, {
                  onSuccess: () => {
                    setNewName('');
                    notifications.show({ message: t('saved') });
                  },
                })
              }
            >
              +
            </Button>
          </Group>
        ) : (
          <span />
        )}
        <Button
          disabled={!target || !scenarioId}
          loading={save.isPending}
          onClick={() =>
            save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
          }
        >
          {t('saveScores')}
        </Button>
      </Group>
    </Card>
  );
}

export function ScenariosPage() {
  const { t, i18n } = useTranslation('policy');
  const en = i18n.language === 'en';
  const comparison = useComparison();
  const [editing, setEditing] = useState<Scenario | null>(null);
  const data = comparison.data?.data;
  const abilities = comparison.data?.abilities ?? {};
  const scenarioName = useMemo(() => new Map((data?.scenarios ?? []).map((s) => [s.id, s.name])), [data]);
  const criterionName = useMemo(
    () => new Map((data?.criteria ?? []).map((c) => [c.id, en ? c.nameEn : c.nameNl])),
    [data, en],
  );
  const withComments = useMemo(() => (data?.scores ?? []).filter((s) => s.comment.trim() !== ''), [data]);
  const ordered = useMemo(
    () => [...(data?.scenarios ?? [])].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)),
    [data],
  );

  const rankingChart = useMemo(() => {
    const ranked = ordered.filter((s) => s.total !== null);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 260, right: 30, top: 30, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 5 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ranked.map((s) => s.name),
        axisLabel: { width: 250, overflow: 'truncate' },
      },
      series: [
        { name: t('total'), type: 'bar', data: ranked.map((s) => s.total) },
        { name: t('medianOfTotals'), type: 'bar', data: ranked.map((s) => s.medianOfStakeholderTotals) },
      ],
    };
  }, [ordered, t]);

  const sensitivityChart = useMemo(() => {
    const rows = data?.sensitivity ?? [];
    const names = rows.map((s) => criterionName.get(s.criterionId) ?? '');
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 200, right: 30, top: 30, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}` } },
      yAxis: { type: 'category', data: names },
      series: [
        {
          name: t('down'),
          type: 'bar',
          stack: 'margin',
          data: rows.map((s) => (s.down ? -Math.round(s.down.delta * 1000) / 10 : null)),
        },
        {
          name: t('up'),
          type: 'bar',
          stack: 'margin',
          data: rows.map((s) => (s.up ? Math.round(s.up.delta * 1000) / 10 : null)),
        },
      ],
    };
  }, [data, criterionName, t]);

  const rankingColumns: ColumnDef<Scenario>[] = [
    {
      accessorKey: 'rank',
      header: t('rank'),
      cell: ({ row }) =>
        row.original.rank === null
          ? t('none')
          : `${row.original.rank}${row.original.isTied ? ` (${t('tied')})` : ''}`,
    },
    {
      accessorKey: 'name',
      header: t('scenario'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <span>{row.original.name}</span>
          {row.original.isPlaceholder && (
            <Text size="xs" c="dimmed">
              {t('placeholder')}
            </Text>
          )}
          {row.original.isPreferredDirection && (
            <Text size="xs" c="teal" fw={600}>
              {t('preferred')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'status',
      header: t('status'),
      accessorFn: (s) => t(`statuses.${s.status}`),
      cell: ({ row }) => (
        <Text
          size="sm"
          fw={600}
          c={
            row.original.status === 'complete'
              ? 'green'
              : row.original.status === 'no_scores'
                ? 'red'
                : 'orange'
          }
        >
          {t(`statuses.${row.original.status}`)}
        </Text>
      ),
    },
    { accessorKey: 'total', header: t('total'), cell: (c) => formatNumber(c.getValue() as number | null, 3) },
    {
      accessorKey: 'medianOfStakeholderTotals',
      header: t('medianOfTotals'),
      cell: (c) => formatNumber(c.getValue() as number | null, 3),
    },
    { accessorKey: 'stakeholderCount', header: t('stakeholders') },
    ...(abilities.editScenarios
      ? [
          {
            id: 'edit',
            header: '',
            enableSorting: false,
            cell: ({ row }: { row: { original: Scenario } }) => (
              <Button
                size="xs"
                variant="light"
                onClick={() => setEditing(row.original)}
                aria-label={`${t('editScenario')}: ${row.original.name}`}
              >
                {t('editScenario')}
              </Button>
            ),
          } as ColumnDef<Scenario>,
        ]
      : []),
  ];
  const sensitivityColumns: ColumnDef<Sensitivity>[] = [
    { id: 'criterion', header: t('criterion'), accessorFn: (s) => criterionName.get(s.criterionId) },
    {
      accessorKey: 'currentWeight',
      header: t('currentWeight'),
      cell: (c) => formatPercent(c.getValue() as number, 1),
    },
    {
      id: 'up',
      header: t('up'),
      accessorFn: (s) => s.up?.weight ?? null,
      cell: ({ row }) =>
        row.original.up
          ? `${formatPercent(row.original.up.weight, 1)} (+${formatNumber(row.original.up.delta * 100, 1)} pp) ` +
            `→ ${scenarioName.get(row.original.up.newTopScenarioId)}`
          : t('noChange'),
    },
    {
      id: 'down',
      header: t('down'),
      accessorFn: (s) => s.down?.weight ?? null,
      cell: ({ row }) =>
        row.original.down
          ? `${formatPercent(row.original.down.weight, 1)} (−${formatNumber(row.original.down.delta * 100, 1)} pp) ` +
            `→ ${scenarioName.get(row.original.down.newTopScenarioId)}`
          : t('noChange'),
    },
  ];
  const scoreColumns: ColumnDef<Score>[] = [
    { accessorKey: 'stakeholder', header: t('stakeholder') },
    { id: 'scenario', header: t('scenario'), accessorFn: (s) => scenarioName.get(s.scenarioId) },
    { id: 'criterion', header: t('criterion'), accessorFn: (s) => criterionName.get(s.criterionId) },
    { accessorKey: 'score', header: t('score') },
    { accessorKey: 'comment', header: t('comment') },
  ];

  return (
    <>
      <PageHeader
        title={t('scenariosTitle')}
        description={t('scenariosIntro')}
        actions={
          <Anchor href="/api/policy/scenarios/summary.pdf" download>
            {t('pdf')}
          </Anchor>
        }
      />
      <ErrorAlert error={comparison.error} />
      {data && (
        <Stack gap="lg">
          {data.weightNote && (
            <Alert color="orange" role="status">
              {t(`weightNotes.${data.weightNote.kind}`, { sum: formatNumber(data.weightNote.rawSum, 4) })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.scenarios.map((s) => (
              <Card key={s.id} withBorder>
                <Group gap={6} mb={4}>
                  <Text fw={600}>{s.name}</Text>
                  {s.isPlaceholder && (
                    <Badge color="gray" variant="light">
                      {t('placeholder')}
                    </Badge>
                  )}
                  {s.isPreferredDirection && (
                    <Badge color="teal" variant="light">
                      {t('preferred')}
                    </Badge>
                  )}
                  {s.status === 'no_scores' && (
                    <Badge color="red" variant="light">
                      {t('statuses.no_scores')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {s.description}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Title order={2} size="h4">
            {t('ranking')}
          </Title>
          <div data-testid="scenario-ranking">
            <DataTable
              data={ordered}
              columns={rankingColumns}
              searchable={false}
              xlsxUrl={exportUrl('ranking')}
              csvUrl={exportUrl('ranking', 'csv')}
            />
          </div>
          <EChart option={rankingChart} height={260} label={t('ranking')} />
          <WeightsCard data={data} canEdit={Boolean(abilities.editWeights)} />
          <Title order={2} size="h4">
            {t('sensitivity')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sensitivityIntro')}
          </Text>
          {data.sensitivityNote && (
            <Alert color="orange" role="status">
              {t(`sensitivityNotes.${data.sensitivityNote}`)}
            </Alert>
          )}
          <div data-testid="scenario-sensitivity">
            <DataTable
              data={data.sensitivity}
              columns={sensitivityColumns}
              searchable={false}
              xlsxUrl={exportUrl('sensitivity')}
              csvUrl={exportUrl('sensitivity', 'csv')}
            />
          </div>
          {data.sensitivity.length > 0 && (
            <EChart option={sensitivityChart} height={280} label={t('sensitivityChart')} />
          )}
          <ScoreForm data={data} abilities={abilities} />
          <Title order={2} size="h4">
            {t('comments')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('commentsOnly', { count: data.scores.length })}
          </Text>
          <DataTable
            data={withComments}
            columns={scoreColumns}
            xlsxUrl={exportUrl('scores')}
            csvUrl={exportUrl('scores', 'csv')}
          />
        </Stack>
      )}
      {editing && <EditScenarioModal scenario={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
