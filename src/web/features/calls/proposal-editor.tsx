import { centsToEuroNumber, eurosToCents } from '../../../shared/money';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, apiErrorFrom, ApiError } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { formatCents, formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { ClusterMultiSelect } from '../../shared/cluster-select';
import { fieldErrors, scrollToFirstError } from '../../shared/field-errors';
import { PageHeader } from '../../shared/page-header';
import { RepresentationBadge } from '../../shared/proposal-view';
import {
  useCall,
  useCallsMutation,
  type BudgetLine,
  type ConsortiumMember,
  type Proposal,
  type ProposalContent,
  type ProposalKpi,
} from './api';
import { textOf } from '../../../shared/text-of';

const euros = (cents: number) => centsToEuroNumber(cents);
const cents = (value: string | number) => Number(eurosToCents(Number(value || 0)));

/** An amount in euro (two decimals, not negative) for a field held in cents. */
function CentsInput(props: {
  label: string;
  error?: string;
  disabled: boolean;
  valueCents: number;
  onChangeCents: (cents: number) => void;
}) {
  return (
    <NumberInput
      label={props.label}
      error={props.error}
      disabled={props.disabled}
      min={0}
      decimalScale={2}
      value={euros(props.valueCents)}
      onChange={(v) => props.onChangeCents(cents(v))}
    />
  );
}

/** The ✕ that removes a consortium member or a budget line. */
function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
      ✕
    </ActionIcon>
  );
}

/** A consortium row is filled in once its enterprise number has its 10 digits (BE prefix and dots allowed). */
function isFilledIn(member: ConsortiumMember): boolean {
  return digitsOf(member.enterpriseNumber).length === 10;
}

const digitsOf = (enterpriseNumber: string | null | undefined) => (enterpriseNumber ?? '').replace(/\D/g, '');

/**
 * Autosave sends only the rows that are filled in; the error's paths then count in the rows
 * sent. This maps them back to the rows on screen (`consortium.1` sent is row 3 shown, say).
 */
function withLocalIndexes(error: unknown, indexes: Record<string, number[]>): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((d) => {
    const path = d.path.replace(
      /^(body\.)?(consortium|budgetLines)\.(\d+)/,
      (whole, prefix: string | undefined, list: string, index: string) => {
        const local = indexes[list]?.[Number(index)];
        return local === undefined ? whole : `${prefix ?? ''}${list}.${local}`;
      },
    );
    return { ...d, path };
  });
  return new ApiError(error.status, error.code, error.localised, details, error.requestId);
}

/** The content as the save route takes it (organisation ids are the server's business). */
function toBody(content: ProposalContent) {
  return {
    ...content,
    consortium: content.consortium.map(({ organisationId: _o, ...m }) => m),
    budgetLines: content.budgetLines.map((l) => ({
      enterpriseNumber: l.enterpriseNumber,
      category: l.category,
      description: l.description,
      costCents: l.costCents,
      requestedAidCents: l.requestedAidCents,
      ownContributionCents: l.ownContributionCents,
    })),
  };
}

export function ProposalEditor({
  proposal,
  abilities,
}: {
  proposal: Proposal;
  abilities: Record<string, boolean>;
}) {
  const { t, i18n } = useTranslation('calls');
  const { t: tc } = useTranslation();
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe();
  const call = useCall(proposal.callId);
  const [content, setContent] = useState<ProposalContent>(() => proposal.content as ProposalContent);
  const [version, setVersion] = useState(proposal.draftVersion ?? 1);
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<{
    saving: boolean;
    error: unknown;
    conflict: boolean;
    fromSubmit: boolean;
  }>({ saving: false, error: null, conflict: false, fromSubmit: false });
  const [shareEmail, setShareEmail] = useState('');
  const [shareAccess, setShareAccess] = useState<'edit' | 'view'>('edit');
  const [uploadError, setUploadError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaveError = useRef<unknown>(null);
  const editable = abilities.edit;

  const update = (patch: Partial<ProposalContent>) => {
    setContent((c) => ({ ...c, ...patch }));
    setDirty(true);
    // No error while the person is typing: a validation error goes when its form changes.
    setSaveState((state) =>
      state.error instanceof ApiError && state.error.code === 'VALIDATION_FAILED' && !state.fromSubmit
        ? { ...state, error: null }
        : state,
    );
  };

  /**
   * Saves the working copy. Autosave (`complete: false`) leaves out consortium rows and budget
   * lines still being filled in (no valid enterprise number, no partner), so a half-typed row
   * neither fails the save nor shows an error while the person types; submitting sends all.
   */
  async function save(complete = true): Promise<number | null> {
    setSaveState({ saving: true, error: null, conflict: false, fromSubmit: complete });
    const members = content.consortium.map((m, i) => ({ m, i })).filter(({ m }) => complete || isFilledIn(m));
    const lines = content.budgetLines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => complete || (l.enterpriseNumber !== null && l.enterpriseNumber !== ''));
    const sent = { ...content, consortium: members.map((x) => x.m), budgetLines: lines.map((x) => x.l) };
    try {
      const { data } = await api.put<{ draftVersion: number }>(`/api/proposals/${proposal.id}`, {
        draftVersion: version,
        ...toBody(sent),
      });
      setVersion(data.draftVersion);
      setDirty(false);
      setSaveState({ saving: false, error: null, conflict: false, fromSubmit: false });
      void client.invalidateQueries({ queryKey: ['proposals', proposal.id] });
      return data.draftVersion;
    } catch (error) {
      lastSaveError.current = withLocalIndexes(error, {
        consortium: members.map((x) => x.i),
        budgetLines: lines.map((x) => x.i),
      });
      setSaveState({
        saving: false,
        error: lastSaveError.current,
        conflict: error instanceof ApiError && error.code === 'PROPOSAL_VERSION_CONFLICT',
        fromSubmit: complete,
      });
      if (complete) scrollToFirstError();
      return null;
    }
  }

  // Autosave 1.5 s after the last change; a conflict stops autosave until the user reloads.
  useEffect(() => {
    if (!dirty || !editable || saveState.conflict) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(false), 1500);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [content, dirty]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = useCallsMutation(async () => {
    const current = dirty ? await save(true) : version;
    if (current === null) throw lastSaveError.current;
    return api.post<{ versionNumber: number }>(`/api/proposals/${proposal.id}/submit`, {
      draftVersion: current,
    });
  });
  const withdraw = useCallsMutation(() => api.post(`/api/proposals/${proposal.id}/withdraw`, { reason: '' }));
  const reopen = useCallsMutation(() => api.post(`/api/proposals/${proposal.id}/reopen`, {}));
  const share = useCallsMutation(() =>
    api.post(`/api/proposals/${proposal.id}/collaborators`, { email: shareEmail, access: shareAccess }),
  );

  async function upload(file: File | null) {
    if (!file) return;
    setUploadError(null);
    const form = new FormData();
    form.append('file', file);
    const response = await fetch(`/api/proposals/${proposal.id}/attachments?kind=annex`, {
      method: 'POST',
      body: form,
      headers: { 'x-csrf-token': me.data?.csrfToken ?? '' },
      credentials: 'same-origin',
    });
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => ({}));
      setUploadError(apiErrorFrom(response.status, body));
    }
    void client.invalidateQueries({ queryKey: ['proposals', proposal.id] });
  }

  const c = call.data?.data;
  const progress = proposal.progress ?? [];
  const done = progress.filter((p) => p.done).length;
  const totals = content.budgetLines.reduce(
    (s, l) => ({
      cost: s.cost + l.costCents,
      aid: s.aid + l.requestedAidCents,
      own: s.own + l.ownContributionCents,
    }),
    { cost: 0, aid: 0, own: 0 },
  );
  // Organisations the platform knows (from the last save): a row typed by its number shows whom it found.
  const known = new Map(
    ((proposal.content as ProposalContent | null)?.consortium ?? [])
      .filter((m) => m.organisationId && m.name)
      .map((m) => [digitsOf(m.enterpriseNumber), m]),
  );
  const knownOf = (m: ConsortiumMember) =>
    isFilledIn(m) ? known.get(digitsOf(m.enterpriseNumber)) : undefined;
  // The enterprise numbers this sign-in may represent (an identity provider's mandates), and per
  // saved partner whether a representative confirmed it: saving under a mandate confirms you.
  const mandates = new Set((me.data?.mandates ?? []).map(digitsOf));
  const representation = new Map(
    (proposal.representation ?? []).map((r) => [digitsOf(r.enterpriseNumber), r] as const),
  );
  const holdsMandate = (m: ConsortiumMember) => isFilledIn(m) && mandates.has(digitsOf(m.enterpriseNumber));
  const representationOf = (m: ConsortiumMember) =>
    isFilledIn(m) ? representation.get(digitsOf(m.enterpriseNumber)) : undefined;
  const memberOptions = content.consortium
    .filter((m) => m.enterpriseNumber)
    .map((m) => ({
      value: m.enterpriseNumber as string,
      label: knownOf(m)?.name ?? (m.name || (m.enterpriseNumber as string)),
    }));
  const kpiFor = (requiredKpiId: string) => content.kpis.find((k) => k.requiredKpiId === requiredKpiId);
  const setKpi = (kpi: ProposalKpi) =>
    update({ kpis: [...content.kpis.filter((k) => k.requiredKpiId !== kpi.requiredKpiId), kpi] });
  const setMember = (index: number, patch: Partial<ConsortiumMember>) =>
    update({ consortium: content.consortium.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  const setLine = (index: number, patch: Partial<BudgetLine>) =>
    update({ budgetLines: content.budgetLines.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  const language = en ? 'en' : 'nl';
  const errors = {
    ...fieldErrors(saveState.conflict ? null : saveState.error, language),
    ...fieldErrors(submit.error, language),
  };
  const err = (path: string): string | undefined => errors[path];
  const questionNames = Object.fromEntries(
    (c?.questions ?? []).map((q) => [q.code, en && q.labelEn ? q.labelEn : q.labelNl]),
  );
  const isShown = (code: string | null, value: string | null) =>
    !code || textOf(content.answers[code]) === (value ?? '');

  return (
    <Stack>
      <PageHeader
        title={`${proposal.reference} · ${content.title || proposal.callCode}`}
        description={`${proposal.callCode} — ${proposal.callTitleNl}`}
      />
      <Card withBorder>
        <Group justify="space-between">
          <Group gap="xs">
            <Badge>{t(`proposalStatuses.${proposal.status}`)}</Badge>
            <Text size="sm" c="dimmed" data-testid="save-state">
              {saveState.saving ? t('saving') : dirty ? '…' : t('autosaved', { version })}
            </Text>
          </Group>
          <Text size="sm">{t('deadlineHint', { deadline: formatDateTime(proposal.closesAt) })}</Text>
        </Group>
        <Text fw={600} mt="sm">
          {t('progress')}: {done}/{progress.length}
        </Text>
        <Progress
          value={progress.length ? (done / progress.length) * 100 : 0}
          mt={4}
          aria-label={t('progress')}
        />
        <Group gap="xs" mt="xs">
          {progress.map((p) => (
            <Badge
              key={p.part}
              color={p.done ? 'green' : 'orange'}
              variant="light"
              data-testid={`progress-${p.part}`}
            >
              {p.done ? '✓' : '•'} {t(`parts.${p.part}`)}
            </Badge>
          ))}
        </Group>
        {progress.some((p) => !p.done) && (
          <List size="sm" mt="xs">
            {progress.flatMap((p) =>
              p.problems.map((x, i) => (
                <List.Item key={`${p.part}-${i}`}>{en ? x.message.en : x.message.nl}</List.Item>
              )),
            )}
          </List>
        )}
      </Card>
      {saveState.conflict ? (
        <Alert color="red" title={t('conflictTitle')} role="alert">
          <Text size="sm">
            {saveState.error instanceof ApiError ? saveState.error.localised[en ? 'en' : 'nl'] : ''}
          </Text>
          <Button mt="xs" size="xs" onClick={() => window.location.reload()}>
            {t('reload')}
          </Button>
        </Alert>
      ) : (
        <ErrorAlert error={saveState.error} fieldNames={questionNames} />
      )}

      <Title order={2} size="h3">
        {t('general')}
      </Title>
      <TextInput
        label={t('proposalTitle')}
        error={err('title')}
        value={content.title}
        disabled={!editable}
        onChange={(e) => update({ title: e.currentTarget.value })}
      />
      <Textarea
        label={t('summary')}
        autosize
        minRows={3}
        value={content.summary}
        disabled={!editable}
        onChange={(e) => update({ summary: e.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('themes')}
          disabled={!editable}
          data={(c?.themes ?? []).map((th) => ({ value: th.id, label: en ? th.labelEn : th.labelNl }))}
          value={content.themeIds}
          onChange={(themeIds) => update({ themeIds })}
        />
        <ClusterMultiSelect
          label={t('clusters')}
          disabled={!editable}
          value={content.clusterIds}
          onChange={(clusterIds) => update({ clusterIds })}
        />
      </SimpleGrid>
      <Checkbox
        label={t('requiresNewLegalEntity')}
        disabled={!editable}
        checked={content.requiresNewLegalEntity}
        onChange={(e) => update({ requiresNewLegalEntity: e.currentTarget.checked })}
      />

      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('consortium')}
        </Title>
        {editable && (
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              update({
                consortium: [
                  ...content.consortium,
                  {
                    enterpriseNumber: '',
                    name: '',
                    helix: 'company',
                    sizeClass: 'unknown',
                    role: content.consortium.length === 0 ? 'lead' : 'partner',
                    budgetShareCents: 0,
                  },
                ],
              })
            }
          >
            {t('addPartner')}
          </Button>
        )}
      </Group>
      {content.consortium.map((m, i) => {
        const found = knownOf(m);
        const saved = representationOf(m);
        return (
          <Card withBorder p="xs" key={i} data-testid="consortium-member">
            <Group align="flex-end" wrap="nowrap">
              <SimpleGrid cols={{ base: 2, sm: 6 }} style={{ flex: 1 }}>
                <TextInput
                  label={t('enterpriseNumber')}
                  error={err(`consortium.${i}.enterpriseNumber`)}
                  disabled={!editable}
                  value={m.enterpriseNumber ?? ''}
                  onChange={(e) => setMember(i, { enterpriseNumber: e.currentTarget.value })}
                />
                <TextInput
                  label={t('orgName')}
                  error={err(`consortium.${i}.name`)}
                  disabled={!editable || Boolean(found)}
                  value={found?.name ?? m.name ?? ''}
                  onChange={(e) => setMember(i, { name: e.currentTarget.value })}
                />
                <Select
                  label={t('helix')}
                  disabled={!editable || Boolean(found)}
                  allowDeselect={false}
                  value={found?.helix ?? m.helix}
                  onChange={(v) => setMember(i, { helix: v })}
                  data={['company', 'knowledge_institution', 'government', 'civil_society'].map((h) => ({
                    value: h,
                    label: t(`helixes.${h}`),
                  }))}
                />
                <Select
                  label={t('sizeClass')}
                  disabled={!editable || Boolean(found)}
                  allowDeselect={false}
                  value={found?.sizeClass ?? m.sizeClass}
                  onChange={(v) => setMember(i, { sizeClass: v })}
                  data={['micro', 'small', 'medium', 'large', 'unknown'].map((s) => ({
                    value: s,
                    label: t(`sizeClasses.${s}`),
                  }))}
                />
                <Select
                  label={t('role')}
                  disabled={!editable}
                  allowDeselect={false}
                  value={m.role}
                  onChange={(v) => v && setMember(i, { role: v as ConsortiumMember['role'] })}
                  data={['lead', 'partner', 'associated'].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                />
                <CentsInput
                  label={t('budgetShare')}
                  disabled={!editable}
                  valueCents={m.budgetShareCents}
                  onChangeCents={(value) => setMember(i, { budgetShareCents: value })}
                />
              </SimpleGrid>
              {editable && (
                <RemoveRowButton
                  label={t('remove')}
                  onClick={() => update({ consortium: content.consortium.filter((_, j) => j !== i) })}
                />
              )}
            </Group>
            {found && (
              <Text size="sm" mt={4} data-testid="known-organisation">
                {t('knownOrganisation', { name: found.name })}
              </Text>
            )}
            {(holdsMandate(m) || saved) && (
              <Group gap="xs" mt={4} align="flex-start">
                {holdsMandate(m) && (
                  <Badge variant="light" color="blue" data-testid="mandate-badge">
                    {t('youRepresent')}
                  </Badge>
                )}
                {saved && <RepresentationBadge representation={saved} />}
              </Group>
            )}
          </Card>
        );
      })}

      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('budgetLines')}
        </Title>
        {editable && (
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              update({
                budgetLines: [
                  ...content.budgetLines,
                  {
                    enterpriseNumber: memberOptions[0]?.value ?? null,
                    category: 'personnel',
                    description: '',
                    costCents: 0,
                    requestedAidCents: 0,
                    ownContributionCents: 0,
                  },
                ],
              })
            }
          >
            {t('addBudgetLine')}
          </Button>
        )}
      </Group>
      {content.budgetLines.map((l, i) => (
        <Card withBorder p="xs" key={i} data-testid="budget-line">
          <Group align="flex-end" wrap="nowrap">
            <SimpleGrid cols={{ base: 2, sm: 6 }} style={{ flex: 1 }}>
              <Select
                label={t('partner')}
                error={err(`budgetLines.${i}.enterpriseNumber`)}
                disabled={!editable}
                allowDeselect={false}
                data={memberOptions}
                value={l.enterpriseNumber}
                onChange={(v) => setLine(i, { enterpriseNumber: v })}
              />
              <Select
                label={t('category')}
                disabled={!editable}
                allowDeselect={false}
                value={l.category}
                onChange={(v) => v && setLine(i, { category: v })}
                data={['personnel', 'equipment', 'subcontracting', 'operating', 'overhead', 'other'].map(
                  (k) => ({ value: k, label: t(`categories.${k}`) }),
                )}
              />
              <TextInput
                label={t('description')}
                error={err(`budgetLines.${i}.description`)}
                disabled={!editable}
                value={l.description}
                onChange={(e) => setLine(i, { description: e.currentTarget.value })}
              />
              <CentsInput
                label={t('cost')}
                error={err(`budgetLines.${i}.costCents`)}
                disabled={!editable}
                valueCents={l.costCents}
                onChangeCents={(value) => setLine(i, { costCents: value })}
              />
              <CentsInput
                label={t('aid')}
                error={err(`budgetLines.${i}.requestedAidCents`)}
                disabled={!editable}
                valueCents={l.requestedAidCents}
                onChangeCents={(value) => setLine(i, { requestedAidCents: value })}
              />
              <CentsInput
                label={t('own')}
                error={err(`budgetLines.${i}.ownContributionCents`)}
                disabled={!editable}
                valueCents={l.ownContributionCents}
                onChangeCents={(value) => setLine(i, { ownContributionCents: value })}
              />
            </SimpleGrid>
            {editable && (
              <RemoveRowButton
                label={t('remove')}
                onClick={() => update({ budgetLines: content.budgetLines.filter((_, j) => j !== i) })}
              />
            )}
          </Group>
        </Card>
      ))}
      <Text size="sm" data-testid="budget-totals">
        {t('totals', {
          cost: formatCents(totals.cost),
          aid: formatCents(totals.aid),
          own: formatCents(totals.own),
        })}
      </Text>

      <Title order={2} size="h3">
        {t('kpis')}
      </Title>
      {(c?.requiredKpis ?? []).map((rk) => {
        const kpi = kpiFor(rk.id) ?? {
          requiredKpiId: rk.id,
          kpiCode: rk.kpiCode,
          name: rk.nameNl,
          unit: rk.unit,
          direction: rk.direction,
          baselineValue: 0,
          baselineDate: null,
          targetValue: 0,
          targetPeriod: '',
        };
        const present = Boolean(kpiFor(rk.id));
        return (
          <Card withBorder p="xs" key={rk.id} data-testid="kpi-row">
            <Text fw={600}>
              {en && rk.nameEn ? rk.nameEn : rk.nameNl}{' '}
              <Text span size="sm" c="dimmed">
                ({rk.unit}, {t(`kpiDirections.${rk.direction}`)})
              </Text>
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <NumberInput
                label={t('baseline')}
                error={err(`kpis.${content.kpis.indexOf(kpi)}.baselineValue`)}
                disabled={!editable}
                value={present ? kpi.baselineValue : ''}
                onChange={(v) => setKpi({ ...kpi, baselineValue: Number(v || 0) })}
              />
              <TextInput
                type="date"
                label={t('baselineDate')}
                disabled={!editable}
                value={kpi.baselineDate ?? ''}
                onChange={(e) => setKpi({ ...kpi, baselineDate: e.currentTarget.value || null })}
              />
              <NumberInput
                label={t('target')}
                error={err(`kpis.${content.kpis.indexOf(kpi)}.targetValue`)}
                disabled={!editable}
                value={present ? kpi.targetValue : ''}
                onChange={(v) => setKpi({ ...kpi, targetValue: Number(v || 0) })}
              />
              <TextInput
                label={t('targetPeriod')}
                error={err(`kpis.${content.kpis.indexOf(kpi)}.targetPeriod`)}
                disabled={!editable}
                value={kpi.targetPeriod}
                onChange={(e) => setKpi({ ...kpi, targetPeriod: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Card>
        );
      })}

      <Title order={2} size="h3">
        {t('questions')}
      </Title>
      {(c?.questions ?? [])
        .filter((q) => isShown(q.conditionQuestionCode, q.conditionValue))
        .map((q) => {
          const label = `${en && q.labelEn ? q.labelEn : q.labelNl}${q.isRequired ? ' *' : ''}`;
          const help = [
            en && q.helpEn ? q.helpEn : q.helpNl,
            q.maxWords ? t('maxWords', { count: q.maxWords }) : '',
            q.maxChars ? t('maxChars', { count: q.maxChars }) : '',
          ]
            .filter(Boolean)
            .join(' · ');
          const value = content.answers[q.code];
          const setAnswer = (v: unknown) => update({ answers: { ...content.answers, [q.code]: v } });
          if (q.kind === 'yes_no')
            return (
              <Radio.Group
                key={q.code}
                label={label}
                description={help}
                error={err(`answers.${q.code}`)}
                value={value === true ? 'true' : value === false ? 'false' : null}
                onChange={(v) => setAnswer(v === 'true')}
              >
                <Group mt={4}>
                  <Radio value="true" label={t('yes')} disabled={!editable} />
                  <Radio value="false" label={t('no')} disabled={!editable} />
                </Group>
              </Radio.Group>
            );
          if (q.kind === 'number')
            return (
              <NumberInput
                key={q.code}
                label={label}
                description={help}
                error={err(`answers.${q.code}`)}
                disabled={!editable}
                value={typeof value === 'number' ? value : ''}
                onChange={(v) => setAnswer(v === '' ? null : Number(v))}
              />
            );
          if (q.kind === 'choice')
            return (
              <Select
                key={q.code}
                label={label}
                description={help}
                error={err(`answers.${q.code}`)}
                disabled={!editable}
                data={q.options}
                value={typeof value === 'string' ? value : null}
                onChange={setAnswer}
              />
            );
          if (q.kind === 'short_text')
            return (
              <TextInput
                key={q.code}
                label={label}
                description={help}
                error={err(`answers.${q.code}`)}
                disabled={!editable}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => setAnswer(e.currentTarget.value)}
              />
            );
          return (
            <Textarea
              key={q.code}
              label={label}
              description={help}
              error={err(`answers.${q.code}`)}
              autosize
              minRows={3}
              disabled={!editable}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => setAnswer(e.currentTarget.value)}
            />
          );
        })}

      <Title order={2} size="h3">
        {t('attachments')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('attachmentHint')}
      </Text>
      <ErrorAlert error={uploadError} />
      {editable && (
        <FileInput
          label={t('upload')}
          placeholder="…"
          onChange={(file) => void upload(file)}
          clearable={false}
          value={null}
        />
      )}
      <Table>
        <Table.Tbody>
          {(proposal.attachments ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor href={`/api/proposals/${proposal.id}/attachments/${a.id}`} download>
                  {a.filename}
                </Anchor>
              </Table.Td>
              <Table.Td>{Math.ceil(a.sizeBytes / 1024)} kB</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {a.sha256.slice(0, 16)}…
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h3">
        {t('coApplicants')}
      </Title>
      <List size="sm">
        {(proposal.collaborators ?? []).map((p) => (
          <List.Item key={p.userId}>
            {p.name} ({p.email}) — {t(`access.${p.access}`)}
          </List.Item>
        ))}
      </List>
      {abilities.share && (
        <Group align="flex-end">
          <TextInput
            label={t('coApplicantEmail')}
            type="email"
            value={shareEmail}
            onChange={(e) => setShareEmail(e.currentTarget.value)}
          />
          <Select
            label={t('accessLabel')}
            allowDeselect={false}
            value={shareAccess}
            onChange={(v) => v && setShareAccess(v)}
            data={[
              { value: 'edit', label: t('access.edit') },
              { value: 'view', label: t('access.view') },
            ]}
          />
          <Button
            variant="default"
            loading={share.isPending}
            onClick={() => share.mutate(undefined, { onSuccess: () => setShareEmail('') })}
          >
            {t('share')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={share.error} />

      {proposal.versions.length > 0 && (
        <>
          <Title order={2} size="h3">
            {t('versions')}
          </Title>
          <List size="sm">
            {proposal.versions.map((v) => (
              <List.Item key={v.versionNumber}>
                {t('receiptVersion', { version: v.versionNumber })}: {formatDateTime(v.submittedAt)} —{' '}
                <Text span ff="monospace" size="xs">
                  {v.contentSha256.slice(0, 16)}…
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {(proposal.eligibility ?? []).length > 0 && (
        <>
          <Title order={2} size="h3">
            {t('eligibilityReport')}
          </Title>
          <Table withTableBorder>
            <Table.Tbody>
              {(proposal.eligibility ?? []).map((r) => (
                <Table.Tr key={r.ruleId}>
                  <Table.Td>
                    <Text fw={600}>{t(`ruleKinds.${r.kind}`)}</Text>
                    <Text size="sm">{en ? r.explanation.en : r.explanation.nl}</Text>
                    {r.officerMotivation && (
                      <Text size="xs" c="dimmed">
                        {t('officer')}: {r.officerMotivation}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={r.outcome === 'passed' ? 'green' : 'red'}>{t(r.outcome)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {proposal.eligibilityMotivation && (
            <Text size="sm">
              {t('motivation')}: {proposal.eligibilityMotivation}
            </Text>
          )}
        </>
      )}
      {(proposal.clarifications ?? []).length > 0 && <ClarificationAnswers proposal={proposal} />}

      <ErrorAlert
        error={(submit.error === saveState.error ? null : submit.error) ?? withdraw.error ?? reopen.error}
        fieldNames={questionNames}
      />
      <Group justify="flex-end">
        {abilities.withdraw && (
          <Button
            variant="default"
            color="red"
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined)}
          >
            {t('withdraw')}
          </Button>
        )}
        {abilities.reopen && (
          <Button variant="default" loading={reopen.isPending} onClick={() => reopen.mutate(undefined)}>
            {t('reopen')}
          </Button>
        )}
        {abilities.submit && (
          <Button
            loading={submit.isPending}
            disabled={saveState.conflict}
            onClick={() =>
              submit.mutate(undefined, {
                onSuccess: () => void navigate(`/proposals/${proposal.id}/receipt`),
              })
            }
          >
            {proposal.status === 'submitted' ? t('resubmit') : t('submit')}
          </Button>
        )}
        {!editable && (
          <Text size="sm" c="dimmed">
            {tc('readOnly', { defaultValue: '' })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function ClarificationAnswers({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation('calls');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answer = useCallsMutation((id: string) =>
    api.post(`/api/proposals/${proposal.id}/clarifications/${id}/answer`, { answer: answers[id] ?? '' }),
  );
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('clarifications')}
      </Title>
      <ErrorAlert error={answer.error} />
      {(proposal.clarifications ?? []).map((c) => (
        <Card withBorder key={c.id}>
          <Text fw={600}>{c.question}</Text>
          <Text size="sm" c={c.isOverdue ? 'red' : 'dimmed'}>
            {t('dueAt')}: {formatDateTime(c.dueAt)}
            {c.isOverdue ? ` — ${t('overdue')}` : ''}
          </Text>
          {c.answer ? (
            <Text mt="xs">{c.answer}</Text>
          ) : (
            !c.isOverdue && (
              <Group align="flex-end" mt="xs">
                <Textarea
                  label={t('answer')}
                  style={{ flex: 1 }}
                  value={answers[c.id] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [c.id]: e.currentTarget.value })}
                />
                <Button onClick={() => answer.mutate(c.id)} loading={answer.isPending}>
                  {t('send')}
                </Button>
              </Group>
            )
          )}
        </Card>
      ))}
    </Stack>
  );
}
