import { brusselsLocalToInstant, instantToBrusselsLocal } from '../../../shared/brussels-time';
import { eurosToCents } from '../../../shared/money';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { formatCents, formatDate, formatNumber } from '../../app/format';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import {
  useCalibration,
  useCallOverview,
  useConflicts,
  useObjections,
  useRanking,
  useReviewMutation,
  type AssignPlan,
  type Calibration,
  type CallOverview,
  type Conflict,
  type OverviewProposal,
  type Ranked,
} from './api';
import { useSelectionWording } from './wording';
import { ExpertMultiSelect } from './expert-select';
import { languageOf } from '../../app/language';

export function CallReviewPage() {
  const { callId = '' } = useParams();
  const { t } = useTranslation('review');
  const overview = useCallOverview(callId);
  const data = overview.data?.data;
  return (
    <>
      <PageHeader
        title={data ? `${data.call.code} · ${data.call.title}` : t('callsTitle')}
        description={
          data &&
          [
            t(`calls:statuses.${data.call.status}`),
            formatCents(data.call.budgetCents),
            `${data.proposals.length} ${t('proposals').toLowerCase()}`,
          ].join(' · ')
        }
      />
      <ErrorAlert error={overview.error} />
      {data && (
        <Tabs defaultValue="assignment" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="assignment">{t('tabs.assignment')}</Tabs.Tab>
            <Tabs.Tab value="experts">{t('tabs.experts')}</Tabs.Tab>
            <Tabs.Tab value="conflicts">{t('tabs.conflicts')}</Tabs.Tab>
            <Tabs.Tab value="calibration">{t('tabs.calibration')}</Tabs.Tab>
            <Tabs.Tab value="ranking">{t('tabs.ranking')}</Tabs.Tab>
            <Tabs.Tab value="objections">{t('tabs.objections')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="assignment">
            <AssignmentTab data={data} canAssign={overview.data?.abilities.assign ?? false} />
          </Tabs.Panel>
          <Tabs.Panel value="experts">
            <ExpertsTab data={data} />
          </Tabs.Panel>
          <Tabs.Panel value="conflicts">
            <ConflictsTab callId={callId} />
          </Tabs.Panel>
          <Tabs.Panel value="calibration">
            <CalibrationTab callId={callId} />
          </Tabs.Panel>
          <Tabs.Panel value="ranking">
            <RankingTab callId={callId} canDecide={overview.data?.abilities.decide ?? false} />
          </Tabs.Panel>
          <Tabs.Panel value="objections">
            <ObjectionsTab callId={callId} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}

function AssignmentTab({ data, canAssign }: { data: CallOverview; canAssign: boolean }) {
  const { t } = useTranslation('review');
  const wording = useSelectionWording();
  const [plan, setPlan] = useState<AssignPlan | null>(null);
  const run = useReviewMutation((body: { dryRun: boolean; acceptShortfall?: boolean }) =>
    api.post<AssignPlan>(`/api/review/calls/${data.call.id}/assign`, body),
  );
  const go = (body: { dryRun: boolean; acceptShortfall?: boolean }) =>
    run.mutate(body, {
      onSuccess: (response) => {
        setPlan(response.data);
        if (response.data.saved) notifications.show({ message: t('saved') });
      },
    });
  const referenceOf = new Map(plan?.proposals.map((p) => [p.id, `${p.reference} ${p.title}`]) ?? []);
  const columns: ColumnDef<OverviewProposal>[] = [
    {
      accessorKey: 'reference',
      header: t('reference'),
      cell: (c) => (
        <Anchor component={Link} to={`/review/proposals/${c.row.original.id}`}>
          {c.row.original.reference}
        </Anchor>
      ),
    },
    { accessorKey: 'title', header: t('title') },
    {
      id: 'experts',
      header: t('assignedExperts'),
      accessorFn: (p) =>
        p.experts
          .map((e) => `${e.name}${e.isRapporteur ? ' (R)' : ''}${e.origin === 'manual' ? ' ✎' : ''}`)
          .join(', '),
    },
    { id: 'reviews', header: t('reviews'), accessorFn: (p) => `${p.reviewsSubmitted}/${p.experts.length}` },
    {
      accessorKey: 'consensusStatus',
      header: t('consensus'),
      cell: (c) => t(`consensusStatus.${c.getValue() as string}`),
    },
    {
      id: 'disagreement',
      header: t('disagreement'),
      accessorFn: (p) => p.disagreement.join(', '),
      cell: (c) => (c.getValue() ? <Badge color="orange">{c.getValue() as string}</Badge> : null),
    },
    {
      accessorKey: 'outcome',
      header: t('outcome'),
      cell: (c) => (c.getValue() ? t(`rankingStatus.${c.getValue() as string}`) : ''),
    },
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('assignExplain')}
      </Text>
      {canAssign && (
        <Group>
          <Button variant="light" loading={run.isPending} onClick={() => go({ dryRun: true })}>
            {t('assignPreview')}
          </Button>
          <Button loading={run.isPending} onClick={() => go({ dryRun: false })}>
            {t('assignSave')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={run.error} />
      {plan && (
        <Alert
          color={plan.result.feasible ? 'green' : 'orange'}
          title={plan.result.feasible ? t('feasible') : t('infeasible')}
          role="status"
        >
          <Text size="sm">
            {t('objective')}: {formatNumber(plan.result.objective, 3)} · {plan.result.assignments.length}{' '}
            {t('assignments').toLowerCase()} · {t('kept')}: {plan.kept} ·{' '}
            {plan.saved ? t('saved') : t('notSaved')}
          </Text>
          {plan.result.shortfall.length > 0 && (
            <>
              <Text fw={600} mt="xs">
                {t('shortfall')}
              </Text>
              <List size="sm">
                {plan.result.shortfall.map((s) => (
                  <List.Item key={s.proposal}>
                    {referenceOf.get(s.proposal) ?? s.proposal}: {s.missing} {t('missing')} —{' '}
                    {wording.shortfall(s)}
                  </List.Item>
                ))}
              </List>
              {!plan.saved && (
                <Button mt="sm" color="orange" onClick={() => go({ dryRun: false, acceptShortfall: true })}>
                  {t('assignSaveAnyway')}
                </Button>
              )}
            </>
          )}
        </Alert>
      )}
      {canAssign && <ReviewSettings data={data} />}
      <DataTable
        data={data.proposals}
        columns={columns}
        xlsxUrl={`/api/review/calls/${data.call.id}/assignments.xlsx`}
      />
    </Stack>
  );
}

/** `datetime-local` value on the Brussels clock, whatever the browser's zone ↔ ISO instant. */
const toLocalInput = (iso: string | null) => (iso ? instantToBrusselsLocal(iso) : '');

function ReviewSettings({ data }: { data: CallOverview }) {
  const { t } = useTranslation('review');
  const [deadline, setDeadline] = useState(toLocalInput(data.settings.reviewDeadline));
  const [identities, setIdentities] = useState(data.settings.showReviewerIdentities);
  const [objectionDays, setObjectionDays] = useState<number | string>(data.settings.objectionDays ?? '');
  const save = useReviewMutation(() =>
    api.put(`/api/review/calls/${data.call.id}/settings`, {
      reviewDeadline: deadline
        ? brusselsLocalToInstant(deadline, { ambiguous: 'earlier' }).toISOString()
        : null,
      showReviewerIdentities: identities,
      objectionDays: typeof objectionDays === 'number' ? objectionDays : null,
    }),
  );
  const remind = useReviewMutation(() =>
    api.post<{ reminded: number }>(`/api/review/calls/${data.call.id}/remind`),
  );
  return (
    <Group align="flex-end">
      <TextInput
        type="datetime-local"
        label={t('reviewDeadline')}
        value={deadline}
        onChange={(e) => setDeadline(e.currentTarget.value)}
      />
      <NumberInput
        label={t('objectionDays')}
        min={1}
        max={365}
        allowDecimal={false}
        value={objectionDays}
        onChange={setObjectionDays}
        w={220}
      />
      <Checkbox
        label={t('showIdentities')}
        checked={identities}
        onChange={(e) => setIdentities(e.currentTarget.checked)}
        mb={8}
      />
      <Button
        variant="light"
        loading={save.isPending}
        onClick={() =>
          save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
        }
      >
        {t('saveSettings')}
      </Button>
      <Button
        variant="subtle"
        loading={remind.isPending}
        onClick={() =>
          remind.mutate(undefined, {
            onSuccess: (r) => notifications.show({ message: t('reminded', { count: r.data.reminded }) }),
          })
        }
      >
        {t('remind')}
      </Button>
      <ErrorAlert error={save.error ?? remind.error} />
    </Group>
  );
}

function ExpertsTab({ data }: { data: CallOverview }) {
  const { t } = useTranslation('review');
  type Row = CallOverview['experts'][number];
  const columns: ColumnDef<Row>[] = [
    { accessorKey: 'name', header: t('expert') },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: (c) => t(`expertStatus.${c.getValue() as string}`),
    },
    {
      accessorKey: 'declarationAccepted',
      header: t('declaration'),
      cell: (c) => (c.getValue() ? t('accepted') : t('notAccepted')),
    },
    { id: 'load', header: t('load'), accessorFn: (e) => `${e.assigned} / ${e.minLoad}–${e.maxLoad}` },
    { accessorKey: 'conflicts', header: t('conflicts') },
  ];
  const [chosen, setChosen] = useState<string[]>([]);
  const invite = useReviewMutation(() =>
    api.post<{ invited: number }>(`/api/review/calls/${data.call.id}/experts`, { userIds: chosen }),
  );
  const onCall = new Set(data.experts.map((e) => e.userId));
  return (
    <Stack>
      <Group align="flex-end">
        <ExpertMultiSelect
          label={t('inviteExperts')}
          value={chosen}
          onChange={setChosen}
          exclude={onCall}
          w={420}
        />
        <Button
          disabled={chosen.length === 0}
          loading={invite.isPending}
          onClick={() =>
            invite.mutate(undefined, {
              onSuccess: (r) => {
                setChosen([]);
                notifications.show({ message: t('invited', { count: r.data.invited }) });
              },
            })
          }
        >
          {t('invite')}
        </Button>
      </Group>
      <ErrorAlert error={invite.error} />
      <DataTable data={data.experts} columns={columns} xlsxUrl="/api/review/experts.xlsx" />
    </Stack>
  );
}

/**
 * A conflict derived from the register is stored as "Dutch / English" (one text for the audit
 * trail); the reader sees the half in their language. Reasons people typed are shown as typed.
 */
function reasonIn(reason: string, language: 'nl' | 'en'): string {
  const split = reason.indexOf(' / affiliation with ');
  if (split === -1) return reason;
  if (language === 'nl') return reason.slice(0, split);
  const english = reason.slice(split + 3);
  return english.charAt(0).toUpperCase() + english.slice(1);
}

function ConflictsTab({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation('review');
  const conflicts = useConflicts(callId);
  const [motivation, setMotivation] = useState<Record<string, string>>({});
  const lift = useReviewMutation((body: { id: string; motivation: string }) =>
    api.post(`/api/review/conflicts/${body.id}/lift`, { motivation: body.motivation }),
  );
  const derive = useReviewMutation(() =>
    api.post<{ created: number }>(`/api/review/calls/${callId}/conflicts/derive`),
  );
  const columns: ColumnDef<Conflict>[] = [
    { accessorKey: 'reference', header: t('reference') },
    { accessorKey: 'expertName', header: t('expert') },
    { accessorKey: 'source', header: t('source'), cell: (c) => t(`sources.${c.getValue() as string}`) },
    {
      accessorKey: 'reason',
      header: t('reason'),
      cell: (c) => reasonIn(c.getValue() as string, languageOf(i18n.language)),
    },
    {
      id: 'state',
      header: t('status'),
      cell: (c) => {
        const row = c.row.original;
        if (!row.isActive)
          return (
            <Text size="sm">
              {t('lifted')}: {row.liftMotivation}
            </Text>
          );
        if (row.source === 'declared') return <Badge>{t('active')}</Badge>;
        return (
          <Group gap="xs" wrap="nowrap">
            <Textarea
              aria-label={t('liftMotivation')}
              placeholder={t('liftMotivation')}
              autosize
              minRows={1}
              value={motivation[row.id] ?? ''}
              onChange={(e) => setMotivation({ ...motivation, [row.id]: e.currentTarget.value })}
            />
            <Button
              size="xs"
              variant="light"
              onClick={() => lift.mutate({ id: row.id, motivation: motivation[row.id] ?? '' })}
            >
              {t('lift')}
            </Button>
          </Group>
        );
      },
    },
  ];
  return (
    <Stack>
      <Group>
        <Button variant="light" loading={derive.isPending} onClick={() => derive.mutate(undefined)}>
          {t('sources.derived')} ↻
        </Button>
      </Group>
      <ErrorAlert error={conflicts.error ?? lift.error ?? derive.error} />
      <DataTable data={conflicts.data?.data ?? []} serverPage={conflicts.serverPage} columns={columns} />
    </Stack>
  );
}

function CalibrationTab({ callId }: { callId: string }) {
  const { t } = useTranslation('review');
  const calibration = useCalibration(callId);
  const columns: ColumnDef<Calibration['experts'][number]>[] = [
    { accessorKey: 'name', header: t('expert') },
    { accessorKey: 'reviews', header: t('reviews') },
    { accessorKey: 'mean', header: t('mean'), cell: (c) => formatNumber(c.getValue() as number, 3) },
    { accessorKey: 'spread', header: t('spread'), cell: (c) => formatNumber(c.getValue() as number, 3) },
    {
      accessorKey: 'panelMean',
      header: t('panelMean'),
      cell: (c) => formatNumber(c.getValue() as number, 3),
    },
    {
      accessorKey: 'difference',
      header: t('difference'),
      cell: (c) => formatNumber(c.getValue() as number, 3),
    },
    {
      accessorKey: 'normalisedScore',
      header: t('normalised'),
      cell: (c) => (c.getValue() === null ? '–' : formatNumber(c.getValue() as number, 2)),
    },
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('calibrationIntro', { min: calibration.data?.data.minReviews ?? 3 })}
      </Text>
      <ErrorAlert error={calibration.error} />
      <DataTable
        data={calibration.data?.data.experts ?? []}
        columns={columns}
        xlsxUrl={`/api/review/calls/${callId}/calibration.xlsx`}
      />
    </Stack>
  );
}

function RankingTab({ callId, canDecide }: { callId: string; canDecide: boolean }) {
  const { t } = useTranslation('review');
  const [budgetEuro, setBudgetEuro] = useState<number | string>('');
  const [whatIf, setWhatIf] = useState<number | null>(null);
  const [motivation, setMotivation] = useState('');
  const ranking = useRanking(callId, whatIf);
  const decide = useReviewMutation((body: unknown) =>
    api.post<{ decided: number; objectionDeadline: string }>(`/api/review/calls/${callId}/decisions`, body),
  );
  const data = ranking.data?.data;
  const wording = useSelectionWording();
  const decidedOutcome = new Map((data?.decided ?? []).map((d) => [d.proposalId, d.outcome]));
  const columns: ColumnDef<Ranked>[] = [
    { accessorKey: 'rank', header: t('rank'), cell: (c) => (c.getValue() as number | null) ?? '–' },
    {
      accessorKey: 'title',
      header: t('proposal'),
      cell: (c) => (
        <Anchor component={Link} to={`/review/proposals/${c.row.original.id}`}>
          {c.getValue() as string}
        </Anchor>
      ),
    },
    { accessorKey: 'total', header: t('total'), cell: (c) => formatNumber(c.getValue() as number, 4) },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: (c) => (
        <Badge color={{ funded: 'green', reserve: 'yellow', rejected: 'gray' }[c.getValue() as string]}>
          {t(`rankingStatus.${c.getValue() as string}`)}
        </Badge>
      ),
    },
    {
      accessorKey: 'requestedCents',
      header: t('requested'),
      cell: (c) => formatCents(c.getValue() as number),
    },
    {
      accessorKey: 'cumulativeCents',
      header: t('cumulative'),
      cell: (c) => (c.getValue() === null ? '' : formatCents(c.getValue() as number)),
    },
    {
      id: 'tie',
      header: t('tieBreak'),
      accessorFn: (r) => (r.tieBreak ? wording.tieBreak(r.tieBreak.rule) : ''),
    },
    { id: 'reasons', header: t('reasons'), accessorFn: (r) => wording.reasons(r.reasons) },
    {
      id: 'decision',
      header: t('decisionColumn'),
      accessorFn: (r) => {
        const outcome = decidedOutcome.get(r.id);
        return outcome ? t(`rankingStatus.${outcome}`) : t('notDecidedYet');
      },
    },
  ];
  // Decide what is ready: every ranked proposal without a decision; pending ones wait for consensus.
  const undecided = (data?.result.ranking ?? []).filter((r) => !decidedOutcome.has(r.id));
  const decideAll = () => {
    if (!data) return;
    // The motivation is the officer's own text; the ranking's reasons are stored as codes with the decision.
    const decisions = undecided.map((r) => ({
      proposalId: r.id,
      outcome: r.status,
      amountCents: r.status === 'funded' ? r.requestedCents : null,
      motivation: motivation.trim(),
    }));
    decide.mutate(
      { decisions },
      {
        onSuccess: (response) =>
          notifications.show({
            message: t('decided', {
              count: response.data.decided,
              date: formatDate(response.data.objectionDeadline.slice(0, 10)),
            }),
          }),
      },
    );
  };
  return (
    <Stack>
      <Group align="flex-end">
        <NumberInput
          label={t('whatIf')}
          value={budgetEuro}
          onChange={setBudgetEuro}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          w={260}
        />
        <Button
          variant="light"
          onClick={() => setWhatIf(typeof budgetEuro === 'number' ? Number(eurosToCents(budgetEuro)) : null)}
        >
          {t('whatIfApply')}
        </Button>
        {whatIf !== null && (
          <Button
            variant="subtle"
            onClick={() => {
              setWhatIf(null);
              setBudgetEuro('');
            }}
          >
            {t('whatIfReset')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={ranking.error ?? decide.error} />
      {data && (
        <>
          <Text size="sm">
            {t('budgetLine', {
              budget: formatCents(data.result.budgetCents),
              funded: formatCents(data.result.fundedCents),
              rest: formatCents(data.result.remainingCents),
            })}
          </Text>
          <Alert color="blue" title={t('budgetRuleTitle', { rule: wording.budgetRule(data.budgetRule) })}>
            {wording.budgetRuleExplanation(data.budgetRule)}
          </Alert>
          <DataTable
            data={data.result.ranking}
            columns={columns}
            xlsxUrl={`/api/review/calls/${callId}/ranking.xlsx${whatIf === null ? '' : `?budgetCents=${whatIf}`}`}
          />
          {data.pending.length > 0 && (
            <Alert color="yellow" title={t('pending', { count: data.pending.length })}>
              <Text size="sm">{t('pendingExplained')}</Text>
              <List size="sm" mt="xs" data-testid="pending-list">
                {data.pending.map((p) => (
                  <List.Item key={p.id}>
                    {p.reference} {p.title}:{' '}
                    {t(`consensusStatus.${p.consensusStatus}`, { defaultValue: t('consensusStatus.none') })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {canDecide && whatIf === null && undecided.length > 0 && (
            <Stack gap="xs">
              <Textarea
                label={t('decideMotivation')}
                value={motivation}
                onChange={(e) => setMotivation(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              <Group>
                <Button
                  loading={decide.isPending}
                  disabled={motivation.trim().length < 10}
                  onClick={decideAll}
                >
                  {t('decideReady', { count: undecided.length })}
                </Button>
              </Group>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function ObjectionsTab({ callId }: { callId: string }) {
  const { t } = useTranslation('review');
  const objections = useObjections(callId);
  const [motivation, setMotivation] = useState<Record<string, string>>({});
  const handle = useReviewMutation(
    (body: { id: string; status: 'upheld' | 'dismissed'; motivation: string }) =>
      api.post(`/api/review/objections/${body.id}/handle`, {
        status: body.status,
        motivation: body.motivation,
      }),
  );
  type Row = NonNullable<typeof objections.data>['data'][number];
  const columns: ColumnDef<Row>[] = [
    {
      accessorKey: 'reference',
      header: t('reference'),
      cell: (c) => (
        <Anchor component={Link} to={`/review/summaries/${c.row.original.proposalId}`}>
          {c.getValue() as string}
        </Anchor>
      ),
    },
    { accessorKey: 'grounds', header: t('objectionGrounds') },
    {
      accessorKey: 'status',
      header: t('status'),
      cell: (c) => t(`objectionStatus.${c.getValue() as string}`),
    },
    {
      id: 'handle',
      header: t('handle'),
      cell: (c) => {
        const row = c.row.original;
        if (row.status !== 'open') return row.outcomeMotivation;
        return (
          <Group gap="xs" wrap="nowrap">
            <Textarea
              aria-label={t('handleMotivation')}
              placeholder={t('handleMotivation')}
              autosize
              minRows={1}
              value={motivation[row.id] ?? ''}
              onChange={(e) => setMotivation({ ...motivation, [row.id]: e.currentTarget.value })}
            />
            <Button
              size="xs"
              onClick={() =>
                handle.mutate({ id: row.id, status: 'upheld', motivation: motivation[row.id] ?? '' })
              }
            >
              {t('uphold')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                handle.mutate({ id: row.id, status: 'dismissed', motivation: motivation[row.id] ?? '' })
              }
            >
              {t('dismiss')}
            </Button>
          </Group>
        );
      },
    },
  ];
  return (
    <Stack>
      <ErrorAlert error={objections.error ?? handle.error} />
      <DataTable data={objections.data?.data ?? []} columns={columns} />
    </Stack>
  );
}
