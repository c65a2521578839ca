import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatCents, formatDateTime, formatPercent } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { ProposalView } from '../../shared/proposal-view';
import { ProposalEditor } from './proposal-editor';
import {
  useCall,
  useCallProposals,
  useCallsMutation,
  useMyProposals,
  useProposal,
  useReceipt,
  type Proposal,
  type ProposalSummary,
} from './api';

function useProposalColumns(officerView: boolean): ColumnDef<ProposalSummary>[] {
  const { t } = useTranslation('calls');
  const columns: ColumnDef<ProposalSummary>[] = [
    {
      accessorKey: 'reference',
      header: t('reference'),
      cell: ({ row }) => (
        <Anchor component={Link} to={`/proposals/${row.original.id}`}>
          {row.original.reference}
        </Anchor>
      ),
    },
    {
      accessorKey: 'title',
      header: t('title'),
      cell: ({ row }) =>
        row.original.title ??
        (row.original.isSealed ? (
          <Badge color="gray" variant="light">
            {t('sealed')}
          </Badge>
        ) : (
          '–'
        )),
    },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: ({ row }) => t(`proposalStatuses.${row.original.status}`),
    },
    {
      accessorKey: 'submittedAt',
      header: t('submittedAt'),
      cell: (c) => formatDateTime(c.getValue() as string | null),
    },
    { accessorKey: 'submittedVersion', header: t('version') },
  ];
  if (officerView) {
    columns.push(
      { accessorKey: 'leadOrganisation', header: t('lead') },
      { accessorKey: 'memberCount', header: t('members') },
      {
        accessorKey: 'requestedAidCents',
        header: t('requestedAid'),
        cell: (c) => formatCents(c.getValue() as number | null),
      },
      {
        id: 'eligibility',
        header: t('eligibility'),
        accessorFn: (p) => p.eligibilityFailed ?? -1,
        cell: ({ row }) =>
          row.original.isSealed ? (
            '–'
          ) : (
            <Text size="sm" c={row.original.eligibilityFailed ? 'red.8' : 'green.8'}>
              {t('eligibilityCounts', {
                passed: row.original.eligibilityPassed,
                failed: row.original.eligibilityFailed,
                toReview: row.original.eligibilityToReview,
              })}
            </Text>
          ),
      },
    );
  }
  return columns;
}

export function MyProposalsPage() {
  const { t } = useTranslation('calls');
  const proposals = useMyProposals();
  const columns = useProposalColumns(false);
  return (
    <>
      <PageHeader title={t('myProposalsTitle')} />
      <ErrorAlert error={proposals.error} />
      {proposals.isLoading ? (
        <Loader />
      ) : (
        <DataTable
          data={proposals.data?.data ?? []}
          serverPage={proposals.serverPage}
          columns={columns}
          xlsxUrl="/api/proposals.xlsx"
        />
      )}
    </>
  );
}

export function CallProposalsPage() {
  const { t } = useTranslation('calls');
  const { id } = useParams();
  const call = useCall(id);
  const [page, setPage] = useState(1);
  const proposals = useCallProposals(id, page);
  const columns = useProposalColumns(true);
  return (
    <>
      <PageHeader
        title={t('proposalsOfCall', { code: call.data?.data.code ?? '' })}
        description={
          call.data
            ? `${call.data.data.titleNl} — ${t('closesAt')}: ${formatDateTime(call.data.data.closesAt)}`
            : undefined
        }
      />
      <ErrorAlert error={proposals.error} />
      {proposals.isLoading ? (
        <Loader />
      ) : (
        <DataTable
          data={proposals.data?.data ?? []}
          columns={columns}
          xlsxUrl={`/api/calls/${id}/proposals.xlsx`}
          serverPage={proposals.data ? { ...proposals.data.page, onPageChange: setPage } : undefined}
        />
      )}
    </>
  );
}

export function ProposalPage() {
  const { id } = useParams();
  const proposal = useProposal(id);
  if (proposal.isLoading) return <Loader />;
  if (proposal.error || !proposal.data) return <ErrorAlert error={proposal.error} />;
  const { data, abilities } = proposal.data;
  // Applicants edit their working copy; the agency reads the submitted version.
  if (data.myAccess)
    return <ProposalEditor key={`${data.id}-${data.status}`} proposal={data} abilities={abilities} />;
  return <OfficerProposalView proposal={data} abilities={abilities} />;
}

function EligibilityRow({
  proposal,
  rule,
  canReview,
}: {
  proposal: Proposal;
  rule: NonNullable<Proposal['eligibility']>[number];
  canReview: boolean;
}) {
  const { t, i18n } = useTranslation('calls');
  const [outcome, setOutcome] = useState<'passed' | 'failed'>(rule.officerOutcome ?? rule.autoOutcome);
  const [motivation, setMotivation] = useState(rule.officerMotivation ?? '');
  const review = useCallsMutation(() =>
    api.put(`/api/proposals/${proposal.id}/eligibility/${rule.ruleId}`, { outcome, motivation }),
  );
  const en = i18n.language === 'en';
  return (
    <Table.Tr data-testid="eligibility-rule">
      <Table.Td>
        <Text fw={600}>{t(`ruleKinds.${rule.kind}`)}</Text>
        <Text size="sm">{en ? rule.explanation.en : rule.explanation.nl}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={rule.autoOutcome === 'passed' ? 'green' : 'red'}>{t(rule.autoOutcome)}</Badge>
      </Table.Td>
      <Table.Td>
        {rule.officerOutcome && (
          <Stack gap={2}>
            <Badge color={rule.officerOutcome === 'passed' ? 'green' : 'red'}>{t(rule.officerOutcome)}</Badge>
            <Text size="xs">{rule.officerMotivation}</Text>
          </Stack>
        )}
        {canReview && (
          <Stack gap={4} mt={4}>
            <SegmentedControl
              size="xs"
              value={outcome}
              onChange={(v) => setOutcome(v)}
              data={[
                { value: 'passed', label: t('passed') },
                { value: 'failed', label: t('failed') },
              ]}
            />
            <TextInput
              size="xs"
              placeholder={t('motivation')}
              aria-label={t('motivation')}
              value={motivation}
              onChange={(e) => setMotivation(e.currentTarget.value)}
            />
            <Button
              size="xs"
              variant="light"
              loading={review.isPending}
              onClick={() => review.mutate(undefined)}
            >
              {outcome === rule.autoOutcome ? t('confirm') : t('override')}
            </Button>
            <ErrorAlert error={review.error} />
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function OfficerProposalView({
  proposal,
  abilities,
}: {
  proposal: Proposal;
  abilities: Record<string, boolean>;
}) {
  const { t } = useTranslation('calls');
  const [motivation, setMotivation] = useState('');
  const [question, setQuestion] = useState('');
  const [dueAtLocal, setDueAtLocal] = useState('');
  const [decision, setDecision] = useState('');
  const breakGlass = useCallsMutation(() =>
    api.post(`/api/proposals/${proposal.id}/break-glass`, { motivation }),
  );
  const ask = useCallsMutation(() =>
    api.post(`/api/proposals/${proposal.id}/clarifications`, { question, dueAtLocal }),
  );
  const decide = useCallsMutation((eligible: boolean) =>
    api.post(`/api/proposals/${proposal.id}/eligibility-decision`, { eligible, motivation: decision }),
  );
  const c = proposal.content;
  const call = useCall(proposal.callId);
  return (
    <Stack>
      <PageHeader
        title={`${proposal.reference}${c ? ` · ${c.title}` : ''}`}
        description={`${proposal.callCode} — ${proposal.callTitleNl}`}
      />
      <Group gap="xs">
        <Badge>{t(`proposalStatuses.${proposal.status}`)}</Badge>
        {proposal.submittedVersion && (
          <Text size="sm">
            {t('receiptVersion', { version: proposal.submittedVersion })} ·{' '}
            {formatDateTime(proposal.submittedAt)}
          </Text>
        )}
      </Group>
      {proposal.isSealed && (
        <Alert color="gray" title={t('sealed')}>
          <Text size="sm">{t('sealedIntro', { deadline: formatDateTime(proposal.closesAt) })}</Text>
          {abilities.breakGlass && (
            <Group align="flex-end" mt="sm">
              <TextInput
                label={t('breakGlassMotivation')}
                style={{ flex: 1 }}
                value={motivation}
                onChange={(e) => setMotivation(e.currentTarget.value)}
              />
              <Button
                color="red"
                variant="light"
                loading={breakGlass.isPending}
                onClick={() => breakGlass.mutate(undefined)}
              >
                {t('breakGlass')}
              </Button>
            </Group>
          )}
          <ErrorAlert error={breakGlass.error} />
        </Alert>
      )}
      {proposal.themeOverlap && proposal.themeOverlap.length > 0 && (
        <Alert color="orange" title={t('themeOverlapTitle')}>
          <Text size="sm">{t('themeOverlapIntro')}</Text>
          <List size="sm">
            {proposal.themeOverlap.map((o) => (
              <List.Item key={o.clusterId}>
                {o.clusterName}: {t('sharedThemes', { count: o.sharedThemes, share: formatPercent(o.share) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {c && (
        <ProposalView
          content={c}
          questions={call.data?.data.questions ?? []}
          attachments={proposal.attachments ?? []}
          attachmentUrl={(attachmentId) => `/api/proposals/${proposal.id}/attachments/${attachmentId}`}
          criteria={call.data?.data.criteria.map((cr) => ({
            id: cr.id,
            nameNl: cr.nameNl,
            nameEn: cr.nameEn ?? null,
            descriptionNl: cr.descriptionNl ?? '',
            descriptionEn: cr.descriptionEn ?? null,
            scaleMin: cr.scaleMin,
            scaleMax: cr.scaleMax,
            allowsHalfPoints: cr.allowsHalfPoints,
            weight: cr.weight,
            threshold: cr.threshold ?? null,
          }))}
          version={
            proposal.submittedVersion && proposal.submittedAt
              ? { number: proposal.submittedVersion, submittedAt: proposal.submittedAt }
              : undefined
          }
          representation={proposal.representation}
        />
      )}
      {proposal.eligibility && (
        <Stack>
          <Title order={2} size="h3">
            {t('eligibilityReport')}
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('eligibilityRules')}</Table.Th>
                <Table.Th>{t('auto')}</Table.Th>
                <Table.Th>{t('officer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.eligibility.map((rule) => (
                <EligibilityRow
                  key={rule.ruleId}
                  proposal={proposal}
                  rule={rule}
                  canReview={abilities.reviewEligibility}
                />
              ))}
            </Table.Tbody>
          </Table>
          {proposal.eligibilityMotivation && (
            <Text>
              {t('motivation')}: {proposal.eligibilityMotivation}
            </Text>
          )}
          {abilities.reviewEligibility && (
            <Group align="flex-end">
              <Textarea
                label={t('motivation')}
                style={{ flex: 1 }}
                value={decision}
                onChange={(e) => setDecision(e.currentTarget.value)}
              />
              <Button color="green" loading={decide.isPending} onClick={() => decide.mutate(true)}>
                {t('decideEligible')}
              </Button>
              <Button
                color="red"
                variant="light"
                loading={decide.isPending}
                onClick={() => decide.mutate(false)}
              >
                {t('decideIneligible')}
              </Button>
            </Group>
          )}
          <ErrorAlert error={decide.error} />
        </Stack>
      )}
      {proposal.clarifications && (
        <Stack>
          <Title order={2} size="h3">
            {t('clarifications')}
          </Title>
          {proposal.clarifications.map((cl) => (
            <Card withBorder key={cl.id}>
              <Text fw={600}>{cl.question}</Text>
              <Text size="sm" c={cl.isOverdue ? 'red' : 'dimmed'}>
                {t('dueAt')}: {formatDateTime(cl.dueAt)}
                {cl.isOverdue ? ` — ${t('overdue')}` : ''}
              </Text>
              {cl.answer && <Text mt="xs">{cl.answer}</Text>}
            </Card>
          ))}
          {abilities.askClarification && (
            <Group align="flex-end">
              <Textarea
                label={t('askClarification')}
                style={{ flex: 1 }}
                value={question}
                onChange={(e) => setQuestion(e.currentTarget.value)}
              />
              <TextInput
                type="datetime-local"
                label={t('dueAt')}
                value={dueAtLocal}
                onChange={(e) => setDueAtLocal(e.currentTarget.value)}
              />
              <Button
                loading={ask.isPending}
                onClick={() => ask.mutate(undefined, { onSuccess: () => setQuestion('') })}
              >
                {t('send')}
              </Button>
            </Group>
          )}
          <ErrorAlert error={ask.error} />
        </Stack>
      )}
    </Stack>
  );
}

export function ReceiptPage() {
  const { t } = useTranslation('calls');
  const { id } = useParams();
  const receipt = useReceipt(id);
  if (receipt.isLoading) return <Loader />;
  if (receipt.error || !receipt.data) return <ErrorAlert error={receipt.error} />;
  const r = receipt.data.data;
  return (
    <Stack maw={720}>
      <PageHeader title={t('receiptTitle')} description={t('receiptIntro')} />
      <Card withBorder data-testid="receipt">
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('reference')}</Table.Th>
              <Table.Td data-testid="receipt-reference">{r.reference}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('title')}</Table.Th>
              <Table.Td>{r.title}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('version')}</Table.Th>
              <Table.Td>{r.versionNumber}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('submittedAt')}</Table.Th>
              <Table.Td>{formatDateTime(r.submittedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('checksum')}</Table.Th>
              <Table.Td>
                <Text ff="monospace" size="xs">
                  {r.contentSha256}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <Group>
        <Anchor href={`/api/proposals/${id}/receipt.pdf`} download>
          {t('receiptPdf')}
        </Anchor>
        <Anchor component={Link} to={`/proposals/${id}`}>
          {t('backToProposal')}
        </Anchor>
      </Group>
    </Stack>
  );
}
