import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatCents, formatNumber } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import type { AssignmentResult, Ranked, RankingResult } from './api';
import { useSelectionWording } from './wording';

const EXAMPLE_ASSIGNMENT = JSON.stringify(
  {
    proposals: [
      { id: 'p1', demand: 2 },
      { id: 'p2', demand: 2 },
    ],
    experts: [
      { id: 'e1', maxLoad: 2 },
      { id: 'e2', maxLoad: 2, minLoad: 1 },
      { id: 'e3', maxLoad: 1 },
    ],
    affinity: [
      { proposal: 'p1', expert: 'e1', score: 0.8 },
      { proposal: 'p2', expert: 'e3', score: 0.6 },
    ],
    conflicts: [{ proposal: 'p2', expert: 'e1' }],
    forced: [{ proposal: 'p1', expert: 'e2' }],
  },
  null,
  2,
);

function useJsonRun<T>(path: string) {
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({ mutationFn: (text: string) => api.post<T>(path, JSON.parse(text)) });
  const go = (text: string) => {
    setError(null);
    try {
      JSON.parse(text);
    } catch {
      setError('invalid');
      return;
    }
    run.mutate(text);
  };
  return { run, go, error };
}

async function readFile(file: File | null, set: (text: string) => void) {
  if (file) set(await file.text());
}

/** Runs the exact solver and the ranking rules on uploaded JSON; nothing is stored. */
export function ToolsPage() {
  const { t } = useTranslation('review');
  const [assignmentText, setAssignmentText] = useState(EXAMPLE_ASSIGNMENT);
  const [rankingText, setRankingText] = useState('');
  const assign = useJsonRun<AssignmentResult>('/api/assignment/solve');
  const rank = useJsonRun<RankingResult>('/api/ranking/run');
  const result = assign.run.data?.data;
  const ranking = rank.run.data?.data;
  const wording = useSelectionWording();
  const rankingColumns: ColumnDef<Ranked>[] = [
    { accessorKey: 'rank', header: t('rank'), cell: (c) => (c.getValue() as number | null) ?? '–' },
    { accessorKey: 'id', header: t('proposal') },
    { accessorKey: 'total', header: t('total'), cell: (c) => formatNumber(c.getValue() as number, 4) },
    { accessorKey: 'status', header: t('status'), cell: (c) => t(`rankingStatus.${c.getValue() as string}`) },
    {
      accessorKey: 'requestedCents',
      header: t('requested'),
      cell: (c) => formatCents(c.getValue() as number),
    },
    {
      id: 'tie',
      header: t('tieBreak'),
      accessorFn: (r) => (r.tieBreak ? wording.tieBreak(r.tieBreak.rule) : ''),
    },
    { id: 'reasons', header: t('reasons'), accessorFn: (r) => wording.reasons(r.reasons) },
  ];
  return (
    <>
      <PageHeader title={t('toolsTitle')} description={t('toolsIntro')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack>
          <Title order={2} size="h4">
            {t('assignmentJson')}
          </Title>
          <FileInput
            accept="application/json,.json"
            placeholder={t('chooseFile')}
            aria-label={t('chooseFile')}
            onChange={(file) => void readFile(file, setAssignmentText)}
          />
          <Textarea
            aria-label={t('assignmentJson')}
            autosize
            minRows={8}
            maxRows={20}
            ff="monospace"
            value={assignmentText}
            onChange={(e) => setAssignmentText(e.currentTarget.value)}
          />
          <Group>
            <Button loading={assign.run.isPending} onClick={() => assign.go(assignmentText)}>
              {t('run')}
            </Button>
          </Group>
          {assign.error && <Alert color="red">{t('invalidJson')}</Alert>}
          <ErrorAlert error={assign.run.error} />
          {result && (
            <Alert
              color={result.feasible ? 'green' : 'orange'}
              title={result.feasible ? t('feasible') : t('infeasible')}
              role="status"
            >
              <Text size="sm">
                {t('objective')}: {formatNumber(result.objective, 6)} · {result.assignments.length}{' '}
                {t('assignments').toLowerCase()}
              </Text>
              {result.shortfall.length > 0 && (
                <List size="sm">
                  {result.shortfall.map((s) => (
                    <List.Item key={s.proposal}>
                      {s.proposal}: {s.missing} {t('missing')} — {wording.shortfall(s)}
                    </List.Item>
                  ))}
                </List>
              )}
              {result.underloaded && (
                <List size="sm">
                  {result.underloaded.map((u) => (
                    <List.Item key={u.expert}>
                      {u.expert}: {u.missing} {t('missing')} — {wording.underload(u)}
                    </List.Item>
                  ))}
                </List>
              )}
              <List size="sm" mt="xs">
                {result.assignments.map((a) => (
                  <List.Item key={`${a.proposal}-${a.expert}`}>
                    {a.proposal} → {a.expert}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
        <Stack>
          <Title order={2} size="h4">
            {t('rankingJson')}
          </Title>
          <FileInput
            accept="application/json,.json"
            placeholder={t('chooseFile')}
            aria-label={`${t('chooseFile')} (${t('rankingJson')})`}
            onChange={(file) => void readFile(file, setRankingText)}
          />
          <Textarea
            aria-label={t('rankingJson')}
            autosize
            minRows={8}
            maxRows={20}
            ff="monospace"
            value={rankingText}
            onChange={(e) => setRankingText(e.currentTarget.value)}
          />
          <Group>
            <Button loading={rank.run.isPending} onClick={() => rank.go(rankingText)}>
              {t('run')}
            </Button>
          </Group>
          {rank.error && <Alert color="red">{t('invalidJson')}</Alert>}
          <ErrorAlert error={rank.run.error} />
          {ranking && (
            <>
              <Text size="sm">
                {t('budgetLine', {
                  budget: formatCents(ranking.budgetCents),
                  funded: formatCents(ranking.fundedCents),
                  rest: formatCents(ranking.remainingCents),
                })}
              </Text>
              <DataTable data={ranking.ranking} columns={rankingColumns} />
            </>
          )}
        </Stack>
      </SimpleGrid>
    </>
  );
}
