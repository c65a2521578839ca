import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatCents, formatDateTime, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useReviewMutation, useSummary } from './api';
import { useSelectionWording } from './wording';

export function SummaryPage() {
  const { proposalId = '' } = useParams();
  const { t, i18n } = useTranslation('review');
  const summary = useSummary(proposalId);
  const data = summary.data?.data;
  const abilities = summary.data?.abilities ?? {};
  const [grounds, setGrounds] = useState('');
  const object = useReviewMutation(() =>
    api.post(`/api/review/summaries/${proposalId}/objections`, { grounds }),
  );
  const network = useReviewMutation(() => api.post(`/api/review/proposals/${proposalId}/network`));
  const english = i18n.language === 'en';
  const wording = useSelectionWording();
  return (
    <>
      <PageHeader
        title={data ? `${t('summaryTitle')} ${data.proposal.reference}` : t('summaryTitle')}
        description={data?.proposal.title}
        actions={data && <Anchor href={`/api/review/summaries/${proposalId}/pdf`}>{t('downloadPdf')}</Anchor>}
      />
      <ErrorAlert error={summary.error ?? object.error ?? network.error} />
      {data && (
        <Stack>
          <Card withBorder>
            <Group>
              <Title order={2} size="h4">
                {t('outcome')}:
              </Title>
              <Badge size="lg" color={{ funded: 'green', reserve: 'yellow', rejected: 'gray' }[data.outcome]}>
                {t(`rankingStatus.${data.outcome}`)}
              </Badge>
            </Group>
            {data.outcome === 'funded' && (
              <Text mt="xs">
                {t('amount')}: {formatCents(data.amountCents)}
              </Text>
            )}
            {data.conditions && (
              <Text>
                {t('conditions')}: {data.conditions}
              </Text>
            )}
            <Text mt="xs">
              <b>{t('motivation')}:</b> {data.motivation}
            </Text>
          </Card>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consensus')}</Table.Th>
                <Table.Th>{t('score')}</Table.Th>
                <Table.Th>{t('comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.criteria.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>{english && c.nameEn ? c.nameEn : c.name}</Table.Td>
                  <Table.Td>
                    {c.score ?? '–'} / {c.scaleMax}
                    {c.threshold !== null ? ` (≥ ${c.threshold})` : ''}
                  </Table.Td>
                  <Table.Td>{c.comment}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text>
            {t('total')}: {formatNumber(data.total, 4)}
            {data.rank !== null ? ` · ${t('rank')} ${data.rank}` : ''}
          </Text>
          {data.reasons.map((r) => (
            <Text key={r.code} size="sm">
              • {wording.reason(r)}
            </Text>
          ))}
          <Text size="sm">{t('budgetRuleOfCall', { rule: wording.budgetRule(data.budgetRule) })}</Text>
          {data.minorityView && (
            <Alert color="gray" title={t('minorityView')}>
              {data.minorityView}
            </Alert>
          )}
          <Alert color={data.objectionState === 'possible' ? 'blue' : 'gray'}>
            {t(
              data.objectionState === 'pending'
                ? 'objectionPending'
                : data.objectionState === 'ended'
                  ? 'objectionPeriodEnded'
                  : 'objectUntil',
              { date: formatDateTime(data.objectionDeadline) },
            )}
          </Alert>
          {abilities.object && (
            <Stack gap="xs">
              <Textarea
                label={t('objectionGrounds')}
                autosize
                minRows={3}
                value={grounds}
                onChange={(e) => setGrounds(e.currentTarget.value)}
              />
              <Group>
                <Button
                  disabled={grounds.trim().length < 20}
                  loading={object.isPending}
                  onClick={() =>
                    object.mutate(undefined, {
                      onSuccess: () => {
                        setGrounds('');
                        notifications.show({ message: t('saved') });
                      },
                    })
                  }
                >
                  {t('fileObjection')}
                </Button>
              </Group>
            </Stack>
          )}
          {data.objections.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h5">
                {t('objections')}
              </Title>
              {data.objections.map((o) => (
                <Text key={o.id} size="sm">
                  {formatDateTime(o.filedAt)} · {t(`objectionStatus.${o.status}`)}
                  {o.outcomeMotivation ? ` · ${o.outcomeMotivation}` : ''}: {o.grounds}
                </Text>
              ))}
            </Card>
          )}
          {abilities.startNetwork && (
            <Group>
              <Button
                onClick={() =>
                  network.mutate(undefined, {
                    onSuccess: () => notifications.show({ message: t('networkStarted') }),
                  })
                }
              >
                {t('startNetwork')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
