import { ActionIcon, Button, Group, Select, Switch, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import { parseMoneyToNumber } from '../../../shared/money';
import { formatCents } from '../../app/format';
import { FormModal } from '../../shared/form-modal';
import { ClusterMultiSelect, ClusterSelect } from '../../shared/cluster-select';
import { OrganisationSelect } from '../../shared/organisation-select';
import { ThemeMultiSelect } from '../../shared/theme-select';
import { useFundingMutation, type ProjectDetail } from './api';
import { LineSelect } from './line-select';
import { DateRangeFields } from '../../shared/date-range-fields';

/** The state-aid regime and its legal basis, side by side (a project's aid, a recorded grant). */
function AidRegimeFields(props: {
  regime: string;
  legalBasis: string;
  onRegime: (regime: string) => void;
  onLegalBasis: (legalBasis: string) => void;
}) {
  const { t } = useTranslation('funding');
  return (
    <Group grow>
      <Select
        label={t('regime')}
        value={props.regime}
        allowDeselect={false}
        onChange={(v) => v && props.onRegime(v)}
        data={(['de_minimis', 'block_exemption', 'other'] as const).map((r) => ({
          value: r,
          label: t(`regimes.${r}`),
        }))}
      />
      <TextInput
        label={t('legalBasis')}
        value={props.legalBasis}
        onChange={(e) => props.onLegalBasis(e.currentTarget.value)}
      />
    </Group>
  );
}

const done = (message: string, onClose: () => void) => () => {
  notifications.show({ message });
  onClose();
};

interface ParticipantRow {
  organisationId: string | null;
  role: string;
  budget: string;
  aid: string;
}

export function CreateProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({
    code: '',
    title: '',
    kind: 'cluster_project',
    leadClusterId: '' as string | null,
    clusterIds: [] as string[],
    startsOn: '',
    endsOn: '',
    aidRegime: 'de_minimis',
    aidLegalBasis: '',
    themeIds: [] as string[],
  });
  const [participants, setParticipants] = useState<ParticipantRow[]>([
    { organisationId: null, role: 'coordinator', budget: '', aid: '' },
  ]);
  const [milestones, setMilestones] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = useFundingMutation((body: unknown) => api.post('/api/projects', body));
  const submit = () => {
    const rows = participants.map((p) => ({
      organisationId: p.organisationId,
      role: p.role || 'partner',
      budgetCents: parseMoneyToNumber(p.budget),
      aidCents: parseMoneyToNumber(p.aid),
    }));
    if (rows.some((r) => r.budgetCents === null || r.aidCents === null || !r.organisationId))
      return setProblem(t('invalidAmount'));
    setProblem(null);
    const milestoneRows = milestones
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [dueOn, ...title] = line.split(' ');
        return { dueOn, title: title.join(' ') };
      });
    create.mutate(
      { ...form, participants: rows, milestones: milestoneRows },
      { onSuccess: done(t('saved'), onClose) },
    );
  };
  return (
    <FormModal
      title={t('newProject')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error ?? (problem ? new Error(problem) : null)}
    >
      <Group grow>
        <TextInput
          label={t('code')}
          required
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
        />
        <Select
          label={t('kind')}
          value={form.kind}
          allowDeselect={false}
          onChange={(v) => v && setForm({ ...form, kind: v })}
          data={[
            { value: 'cluster_project', label: t('kinds.cluster_project') },
            { value: 'inter_cluster_project', label: t('kinds.inter_cluster_project') },
          ]}
        />
      </Group>
      <TextInput
        label={t('title')}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      <Group grow>
        <ClusterSelect
          label={t('leadCluster')}
          required
          value={form.leadClusterId}
          onChange={(v) => setForm({ ...form, leadClusterId: v })}
        />
        <ClusterMultiSelect
          label={t('otherClusters')}
          value={form.clusterIds}
          onChange={(clusterIds) => setForm({ ...form, clusterIds })}
        />
      </Group>
      <DateRangeFields
        startLabel={t('start')}
        endLabel={t('end')}
        start={form.startsOn}
        end={form.endsOn}
        onStart={(startsOn) => setForm({ ...form, startsOn })}
        onEnd={(endsOn) => setForm({ ...form, endsOn })}
      />
      <AidRegimeFields
        regime={form.aidRegime}
        legalBasis={form.aidLegalBasis}
        onRegime={(v) => setForm({ ...form, aidRegime: v })}
        onLegalBasis={(v) => setForm({ ...form, aidLegalBasis: v })}
      />
      <ThemeMultiSelect
        label={t('themes')}
        value={form.themeIds}
        onChange={(themeIds) => setForm({ ...form, themeIds })}
      />
      {participants.map((p, index) => (
        <Group key={index} align="flex-end" wrap="nowrap">
          <OrganisationSelect
            label={index === 0 ? t('organisation') : undefined}
            aria-label={t('organisation')}
            value={p.organisationId}
            style={{ flex: 3 }}
            onChange={(v) =>
              setParticipants(participants.map((x, i) => (i === index ? { ...x, organisationId: v } : x)))
            }
          />
          <TextInput
            label={index === 0 ? t('totalBudget') : undefined}
            aria-label={t('totalBudget')}
            value={p.budget}
            inputMode="decimal"
            style={{ flex: 1 }}
            onChange={(e) => {
              const budget = e.currentTarget.value;
              setParticipants(participants.map((x, i) => (i === index ? { ...x, budget } : x)));
            }}
          />
          <TextInput
            label={index === 0 ? t('aid') : undefined}
            aria-label={t('aid')}
            value={p.aid}
            inputMode="decimal"
            style={{ flex: 1 }}
            onChange={(e) => {
              const aid = e.currentTarget.value;
              setParticipants(participants.map((x, i) => (i === index ? { ...x, aid } : x)));
            }}
          />
          <ActionIcon
            variant="subtle"
            aria-label={t('removeParticipant')}
            onClick={() => setParticipants(participants.filter((_, i) => i !== index))}
            disabled={participants.length === 1}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        onClick={() =>
          setParticipants([...participants, { organisationId: null, role: 'partner', budget: '', aid: '' }])
        }
      >
        {t('addParticipant')}
      </Button>
      <Textarea
        label={t('milestonesInput')}
        placeholder="2026-06-30 M1 Projectplan"
        value={milestones}
        onChange={(e) => setMilestones(e.currentTarget.value)}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}

export function PlanTrancheModal({
  project,
  opened,
  onClose,
}: {
  project: ProjectDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({
    tranche: 'interim',
    amount: '',
    condition: '' as string | null,
    plannedOn: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const plan = useFundingMutation((body: unknown) => api.post('/api/funding/payments', body));
  const commitment = project.commitments[0];
  const conditions = [
    ...project.milestones.map((m) => ({ value: `m:${m.id}`, label: `${t('milestones')}: ${m.title}` })),
    ...project.reports.map((r) => ({ value: `r:${r.id}`, label: `${t('reports')}: ${r.title}` })),
  ];
  const submit = () => {
    const amountCents = parseMoneyToNumber(form.amount);
    if (amountCents === null) return setProblem(t('invalidAmount'));
    setProblem(null);
    const [kind, id] = (form.condition ?? '').split(':');
    plan.mutate(
      {
        commitmentId: commitment?.id,
        tranche: form.tranche,
        amountCents,
        plannedOn: form.plannedOn,
        ...(kind === 'm' ? { milestoneId: id } : kind === 'r' ? { reportId: id } : {}),
      },
      { onSuccess: done(t('saved'), onClose) },
    );
  };
  return (
    <FormModal
      title={t('planTranche')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={plan.isPending}
      error={plan.error ?? (problem ? new Error(problem) : null)}
    >
      <Select
        label={t('tranche')}
        value={form.tranche}
        allowDeselect={false}
        onChange={(v) => v && setForm({ ...form, tranche: v })}
        data={(['advance', 'interim', 'balance'] as const).map((x) => ({
          value: x,
          label: t(`tranches.${x}`),
        }))}
      />
      <TextInput
        label={t('amountEur')}
        required
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm({ ...form, amount: e.currentTarget.value })}
        description={
          commitment
            ? `${t('committed')}: ${formatCents(commitment.amountCents)} · ${t('planned')}: ` +
              `${formatCents(commitment.plannedCents)}`
            : undefined
        }
      />
      <Select
        label={t('condition')}
        data={conditions}
        value={form.condition}
        onChange={(v) => setForm({ ...form, condition: v })}
        clearable
      />
      <TextInput
        type="date"
        label={t('plannedOn')}
        required
        value={form.plannedOn}
        onChange={(e) => setForm({ ...form, plannedOn: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function AddMilestoneModal({
  projectId,
  kind,
  opened,
  onClose,
}: {
  projectId: string;
  kind: 'milestones' | 'deliverables';
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({ title: '', dueOn: '' });
  const add = useFundingMutation((body: unknown) => api.post(`/api/projects/${projectId}/${kind}`, body));
  return (
    <FormModal
      title={t(kind)}
      opened={opened}
      onClose={onClose}
      onSubmit={() => add.mutate(form, { onSuccess: done(t('saved'), onClose) })}
      pending={add.isPending}
      error={add.error}
    >
      <TextInput
        label={t('title')}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('dueOn')}
        required
        value={form.dueOn}
        onChange={(e) => setForm({ ...form, dueOn: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function GrantBaseOperationsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({
    clusterId: null as string | null,
    year: String(new Date().getFullYear()),
    lineId: null as string | null,
    subsidy: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const grant = useFundingMutation((body: unknown) => api.post('/api/funding/base-operations', body));
  const submit = () => {
    const subsidyCents = parseMoneyToNumber(form.subsidy);
    if (subsidyCents === null) return setProblem(t('invalidAmount'));
    setProblem(null);
    grant.mutate(
      { clusterId: form.clusterId, year: Number(form.year), lineId: form.lineId, subsidyCents },
      { onSuccess: done(t('saved'), onClose) },
    );
  };
  return (
    <FormModal
      title={t('grantBase')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={grant.isPending}
      error={grant.error ?? (problem ? new Error(problem) : null)}
    >
      <ClusterSelect
        label={t('cluster')}
        required
        value={form.clusterId}
        onChange={(v) => setForm({ ...form, clusterId: v })}
      />
      <TextInput
        label={t('year')}
        required
        value={form.year}
        onChange={(e) => setForm({ ...form, year: e.currentTarget.value })}
      />
      <LineSelect
        label={t('chooseLine')}
        required
        usableFor="base_operations"
        describe={(l) => `${l.code} — ${formatCents(l.remainingCents)}`}
        value={form.lineId}
        onChange={(v) => setForm({ ...form, lineId: v })}
      />
      <TextInput
        label={t('amountEur')}
        required
        inputMode="decimal"
        value={form.subsidy}
        onChange={(e) => setForm({ ...form, subsidy: e.currentTarget.value })}
      />
    </FormModal>
  );
}

export function CostsReportModal({
  baseOperationId,
  opened,
  onClose,
}: {
  baseOperationId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({ title: '', summary: '', costs: '', own: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const submitReport = useFundingMutation((body: unknown) =>
    api.post(`/api/funding/base-operations/${baseOperationId}/reports`, body),
  );
  const submit = () => {
    const reportedCostsCents = parseMoneyToNumber(form.costs);
    const reportedOwnContributionCents = parseMoneyToNumber(form.own);
    if (reportedCostsCents === null || reportedOwnContributionCents === null)
      return setProblem(t('invalidAmount'));
    setProblem(null);
    submitReport.mutate(
      { title: form.title, summary: form.summary, reportedCostsCents, reportedOwnContributionCents },
      { onSuccess: done(t('saved'), onClose) },
    );
  };
  return (
    <FormModal
      title={t('costsReport')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={submitReport.isPending}
      error={submitReport.error ?? (problem ? new Error(problem) : null)}
    >
      <TextInput
        label={t('title')}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
      />
      <Textarea
        label={t('summary')}
        value={form.summary}
        onChange={(e) => setForm({ ...form, summary: e.currentTarget.value })}
      />
      <Group grow>
        <TextInput
          label={t('reportedCosts')}
          required
          inputMode="decimal"
          value={form.costs}
          onChange={(e) => setForm({ ...form, costs: e.currentTarget.value })}
        />
        <TextInput
          label={t('reportedOwn')}
          required
          inputMode="decimal"
          value={form.own}
          onChange={(e) => setForm({ ...form, own: e.currentTarget.value })}
        />
      </Group>
    </FormModal>
  );
}

export function RecordAidModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('funding');
  const [form, setForm] = useState({
    organisationId: null as string | null,
    regime: 'de_minimis',
    legalBasis: '',
    amount: '',
    grantedOn: '',
    grantedByAuthority: 'VLAIO',
    description: '',
    overrideMotivation: '',
    useOverride: false,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const record = useFundingMutation((body: unknown) => api.post('/api/state-aid/awards', body));
  const isBreach = record.error instanceof ApiError && record.error.code === 'DE_MINIMIS_CEILING_EXCEEDED';
  const submit = () => {
    const amountCents = parseMoneyToNumber(form.amount);
    if (amountCents === null) return setProblem(t('invalidAmount'));
    setProblem(null);
    const { amount: _a, useOverride, overrideMotivation, ...rest } = form;
    record.mutate(
      { ...rest, amountCents, ...(useOverride ? { overrideMotivation } : {}) },
      { onSuccess: done(t('saved'), onClose) },
    );
  };
  return (
    <FormModal
      title={t('recordAid')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={record.isPending}
      error={record.error ?? (problem ? new Error(problem) : null)}
    >
      <OrganisationSelect
        label={t('organisation')}
        required
        value={form.organisationId}
        onChange={(v) => setForm({ ...form, organisationId: v })}
      />
      <AidRegimeFields
        regime={form.regime}
        legalBasis={form.legalBasis}
        onRegime={(v) => setForm({ ...form, regime: v })}
        onLegalBasis={(v) => setForm({ ...form, legalBasis: v })}
      />
      <Group grow>
        <TextInput
          label={t('amountEur')}
          required
          inputMode="decimal"
          value={form.amount}
          onChange={(e) => setForm({ ...form, amount: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('grantedOn')}
          required
          value={form.grantedOn}
          onChange={(e) => setForm({ ...form, grantedOn: e.currentTarget.value })}
        />
      </Group>
      <TextInput
        label={t('authority')}
        value={form.grantedByAuthority}
        onChange={(e) => setForm({ ...form, grantedByAuthority: e.currentTarget.value })}
      />
      <TextInput
        label={t('summary')}
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
      />
      {(isBreach || form.useOverride) && (
        <>
          <Switch
            label={t('override')}
            checked={form.useOverride}
            onChange={(e) => setForm({ ...form, useOverride: e.currentTarget.checked })}
          />
          {form.useOverride && (
            <Textarea
              label={t('overrideLabel')}
              required
              minLength={10}
              value={form.overrideMotivation}
              onChange={(e) => setForm({ ...form, overrideMotivation: e.currentTarget.value })}
            />
          )}
        </>
      )}
    </FormModal>
  );
}
