import { centsToEuroNumber, eurosToCents } from '../../../shared/money';
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { CallView } from './call-view';
import { ThemeMultiSelect, themeLabel, useThemesById } from '../../shared/theme-select';
import { BUDGET_RULES, budgetRuleName as wordBudgetRule } from '../../../shared/selection-wording';
import {
  useCall,
  useCallsMutation,
  type Call,
  type CallDefinition,
  type Criterion,
  type EligibilityRule,
  type Question,
  type RequiredKpi,
  type TieBreakRule,
} from './api';
import { languageOf } from '../../app/language';

const RULE_KINDS = [
  'min_companies',
  'min_smes',
  'min_helix_categories',
  'max_requested_aid',
  'max_aid_share',
  'min_clusters',
  'required_kpis_proposed',
  'no_new_legal_entity',
  'themes_within_call',
];
const emptyDefinition: CallDefinition = {
  code: '',
  kind: 'new_strategic_theme',
  titleNl: '',
  titleEn: null,
  summaryNl: '',
  summaryEn: null,
  descriptionNl: '',
  descriptionEn: null,
  budgetEnvelopeCents: 0,
  opensAtLocal: null,
  closesAtLocal: null,
  evaluationStartsAtLocal: null,
  decisionAtLocal: null,
  overallThreshold: null,
  budgetRule: 'stop_at_first_misfit',
  reviewsPerProposal: 3,
  themeIds: [],
  criteria: [],
  tieBreakRules: [],
  eligibilityRules: [],
  requiredKpis: [],
  questions: [],
};

function definitionOf(call: Call): CallDefinition {
  const {
    id: _id,
    status: _s,
    opensAt: _o,
    closesAt: _c,
    evaluationStartsAt: _e,
    decisionAt: _d,
    isAcceptingProposals: _a,
    publishedAt: _p,
    amendmentCount: _n,
    themes,
    amendments: _am,
    ...rest
  } = call;
  return {
    ...rest,
    themeIds: themes.map((th) => th.id),
    criteria: call.criteria.map(({ id: _x, ...c }) => c),
    eligibilityRules: call.eligibilityRules.map(({ id: _x, ...r }) => r),
    tieBreakRules: call.tieBreakRules.map(({ ...r }) => {
      const { id: _x, ...clean } = r as TieBreakRule & { id?: string };
      return clean;
    }),
    questions: call.questions.map(({ id: _x, ...q }) => q),
    requiredKpis: call.requiredKpis,
  };
}

/** A repeated block with add / remove buttons. */
function ListEditor<T>({
  title,
  items,
  onChange,
  blank,
  render,
}: {
  title: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  render: (item: T, update: (patch: Partial<T>) => void) => ReactNode;
}) {
  const { t } = useTranslation('calls');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Button size="xs" variant="light" onClick={() => onChange([...items, blank])}>
          {t('add')}
        </Button>
      </Group>
      {items.map((item, index) => (
        <Card withBorder key={index} p="sm">
          <Group align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              {render(item, (patch) => onChange(items.map((x, i) => (i === index ? { ...x, ...patch } : x))))}
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('remove')}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              ✕
            </ActionIcon>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

const num = (value: string | number) => (value === '' ? null : Number(value));

export function CallEditorPage() {
  const { t, i18n } = useTranslation('calls');
  const language = languageOf(i18n.language);
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useCall(id);
  const [def, setDef] = useState<CallDefinition>(emptyDefinition);
  const chosenThemes = useThemesById(def.themeIds);
  const [motivation, setMotivation] = useState('');
  const call = existing.data?.data;
  const isAmendment = call?.status === 'open';
  useEffect(() => {
    if (call) setDef(definitionOf(call));
  }, [call]);
  const save = useCallsMutation(async () => {
    if (!id) return api.post<Call>('/api/calls', def);
    if (isAmendment) return api.post<Call>(`/api/calls/${id}/amendments`, { motivation, definition: def });
    return api.put<Call>(`/api/calls/${id}`, def);
  });
  if (id && existing.isLoading) return <Loader />;
  const set = (patch: Partial<CallDefinition>) => setDef({ ...def, ...patch });
  const criterionOptions = def.criteria.map((c) => ({ value: c.code, label: c.nameNl || c.code }));
  const preview = {
    ...def,
    status: call?.status,
    opensAt: def.opensAtLocal ? new Date(def.opensAtLocal).toISOString() : null,
    closesAt: def.closesAtLocal ? new Date(def.closesAtLocal).toISOString() : null,
    evaluationStartsAt: def.evaluationStartsAtLocal
      ? new Date(def.evaluationStartsAtLocal).toISOString()
      : null,
    decisionAt: def.decisionAtLocal ? new Date(def.decisionAtLocal).toISOString() : null,
    themes: (chosenThemes.data?.data ?? []).filter((th) => def.themeIds.includes(th.id)),
    amendments: call?.amendments,
  };
  const heading = !id
    ? t('editorTitleNew')
    : isAmendment
      ? t('amendTitle', { code: call?.code })
      : t('editorTitle', { code: call?.code });
  return (
    <>
      <PageHeader title={heading} description={isAmendment ? t('amendIntro') : undefined} />
      <ErrorAlert error={existing.error ?? save.error} />
      <Tabs defaultValue="edit">
        <Tabs.List>
          <Tabs.Tab value="edit">{t('tabEdit')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('tabPreview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('code')}
                required
                value={def.code}
                onChange={(e) => set({ code: e.currentTarget.value })}
              />
              <Select
                label={t('kind')}
                value={def.kind}
                allowDeselect={false}
                onChange={(v) => v && set({ kind: v as CallDefinition['kind'] })}
                data={[
                  'new_strategic_theme',
                  'business_network',
                  'cluster_project',
                  'inter_cluster_project',
                ].map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              />
              <NumberInput
                label={t('budgetEnvelope')}
                min={0}
                decimalScale={2}
                value={centsToEuroNumber(def.budgetEnvelopeCents)}
                onChange={(v) => set({ budgetEnvelopeCents: Number(eurosToCents(Number(v || 0))) })}
              />
            </SimpleGrid>
            <TextInput
              label={t('title')}
              required
              value={def.titleNl}
              onChange={(e) => set({ titleNl: e.currentTarget.value })}
            />
            <TextInput
              label={t('titleEn')}
              value={def.titleEn ?? ''}
              onChange={(e) => set({ titleEn: e.currentTarget.value || null })}
            />
            <Textarea
              label={t('summary')}
              value={def.summaryNl}
              onChange={(e) => set({ summaryNl: e.currentTarget.value })}
            />
            <Textarea
              label={t('summaryEn')}
              value={def.summaryEn ?? ''}
              onChange={(e) => set({ summaryEn: e.currentTarget.value || null })}
            />
            <Textarea
              label={t('description')}
              autosize
              minRows={3}
              value={def.descriptionNl}
              onChange={(e) => set({ descriptionNl: e.currentTarget.value })}
            />
            <Textarea
              label={t('descriptionEn')}
              autosize
              minRows={2}
              value={def.descriptionEn ?? ''}
              onChange={(e) => set({ descriptionEn: e.currentTarget.value || null })}
            />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                type="datetime-local"
                label={t('opensAt')}
                value={def.opensAtLocal ?? ''}
                onChange={(e) => set({ opensAtLocal: e.currentTarget.value || null })}
              />
              <TextInput
                type="datetime-local"
                label={t('closesAt')}
                value={def.closesAtLocal ?? ''}
                onChange={(e) => set({ closesAtLocal: e.currentTarget.value || null })}
              />
              <TextInput
                type="datetime-local"
                label={t('evaluationStartsAt')}
                value={def.evaluationStartsAtLocal ?? ''}
                onChange={(e) => set({ evaluationStartsAtLocal: e.currentTarget.value || null })}
              />
              <TextInput
                type="datetime-local"
                label={t('decisionAt')}
                value={def.decisionAtLocal ?? ''}
                onChange={(e) => set({ decisionAtLocal: e.currentTarget.value || null })}
              />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('timesInBrussels')}
            </Text>
            <ThemeMultiSelect
              label={t('themes')}
              describe={(th) => `${themeLabel(th, language)} (${th.code})`}
              value={def.themeIds}
              onChange={(themeIds) => set({ themeIds })}
            />
            <ListEditor<Criterion>
              title={t('criteria')}
              items={def.criteria}
              onChange={(criteria) => set({ criteria })}
              blank={{
                code: `c${def.criteria.length + 1}`,
                nameNl: '',
                nameEn: null,
                descriptionNl: '',
                descriptionEn: null,
                scaleMin: 0,
                scaleMax: 5,
                allowsHalfPoints: false,
                weight: 1,
                threshold: null,
              }}
              render={(c, update) => (
                <SimpleGrid cols={{ base: 2, sm: 7 }}>
                  <TextInput
                    label={t('code')}
                    value={c.code}
                    onChange={(e) => update({ code: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('name')}
                    value={c.nameNl}
                    onChange={(e) => update({ nameNl: e.currentTarget.value })}
                  />
                  <NumberInput
                    label={`${t('scale')} min`}
                    value={c.scaleMin}
                    onChange={(v) => update({ scaleMin: Number(v || 0) })}
                  />
                  <NumberInput
                    label={`${t('scale')} max`}
                    value={c.scaleMax}
                    onChange={(v) => update({ scaleMax: Number(v || 0) })}
                  />
                  <NumberInput
                    label={t('weight')}
                    value={c.weight}
                    onChange={(v) => update({ weight: Number(v || 0) })}
                  />
                  <NumberInput
                    label={t('threshold')}
                    value={c.threshold ?? ''}
                    onChange={(v) => update({ threshold: num(v) })}
                  />
                  <Checkbox
                    mt="lg"
                    label={t('halfPoints')}
                    checked={c.allowsHalfPoints}
                    onChange={(e) => update({ allowsHalfPoints: e.currentTarget.checked })}
                  />
                </SimpleGrid>
              )}
            />
            <NumberInput
              label={t('overallThreshold')}
              maw={300}
              value={def.overallThreshold ?? ''}
              onChange={(v) => set({ overallThreshold: num(v) })}
            />
            <Select
              label={t('budgetRule')}
              description={t('budgetRuleHelp')}
              maw={520}
              allowDeselect={false}
              value={def.budgetRule}
              onChange={(v) =>
                set({ budgetRule: v === 'skip_to_next_fit' ? 'skip_to_next_fit' : 'stop_at_first_misfit' })
              }
              data={BUDGET_RULES.map((rule) => ({ value: rule, label: wordBudgetRule(rule, language) }))}
            />
            <ListEditor<TieBreakRule>
              title={t('tieBreakRules')}
              items={def.tieBreakRules}
              onChange={(tieBreakRules) => set({ tieBreakRules })}
              blank={{
                kind: 'sme_budget_share',
                criterionCode: null,
                direction: 'desc',
                explanationNl: '',
                explanationEn: null,
              }}
              render={(r, update) => (
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <Select
                    label={t('kind')}
                    allowDeselect={false}
                    value={r.kind}
                    onChange={(v) =>
                      v &&
                      update({
                        kind: v as TieBreakRule['kind'],
                        criterionCode: v === 'criterion_score' ? (def.criteria[0]?.code ?? null) : null,
                      })
                    }
                    data={['criterion_score', 'sme_budget_share', 'requested_aid', 'submitted_at'].map(
                      (k) => ({ value: k, label: t(`tieBreakKinds.${k}`) }),
                    )}
                  />
                  <Select
                    label={t('criterion')}
                    disabled={r.kind !== 'criterion_score'}
                    value={r.criterionCode}
                    onChange={(v) => update({ criterionCode: v })}
                    data={criterionOptions}
                  />
                  <Select
                    label={t('direction')}
                    allowDeselect={false}
                    value={r.direction}
                    onChange={(v) => v && update({ direction: v })}
                    data={[
                      { value: 'desc', label: t('directions.desc') },
                      { value: 'asc', label: t('directions.asc') },
                    ]}
                  />
                  <TextInput
                    label={t('explanation')}
                    value={r.explanationNl}
                    onChange={(e) => update({ explanationNl: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
            />
            <ListEditor<EligibilityRule>
              title={t('eligibilityRules')}
              items={def.eligibilityRules}
              onChange={(eligibilityRules) => set({ eligibilityRules })}
              blank={{
                kind:
                  RULE_KINDS.find((k) => !def.eligibilityRules.some((r) => r.kind === k)) ?? 'min_companies',
                parameter: null,
                explanationNl: '',
                explanationEn: null,
              }}
              render={(r, update) => (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={t('kind')}
                    allowDeselect={false}
                    value={r.kind}
                    onChange={(v) => v && update({ kind: v })}
                    data={RULE_KINDS.map((k) => ({ value: k, label: t(`ruleKinds.${k}`) }))}
                  />
                  <NumberInput
                    label={t('parameter')}
                    value={r.parameter ?? ''}
                    onChange={(v) => update({ parameter: num(v) })}
                  />
                  <TextInput
                    label={t('explanation')}
                    value={r.explanationNl}
                    onChange={(e) => update({ explanationNl: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
            />
            <ListEditor<RequiredKpi>
              title={t('requiredKpis')}
              items={def.requiredKpis}
              onChange={(requiredKpis) => set({ requiredKpis })}
              blank={{ kpiCode: null, nameNl: '', nameEn: null, unit: '', direction: 'higher_is_better' }}
              render={(k, update) => (
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <TextInput
                    label={t('name')}
                    value={k.nameNl}
                    onChange={(e) => update({ nameNl: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('unit')}
                    value={k.unit}
                    onChange={(e) => update({ unit: e.currentTarget.value })}
                  />
                  <Select
                    label={t('direction')}
                    allowDeselect={false}
                    value={k.direction}
                    onChange={(v) => v && update({ direction: v })}
                    data={[
                      { value: 'higher_is_better', label: t('kpiDirections.higher_is_better') },
                      { value: 'lower_is_better', label: t('kpiDirections.lower_is_better') },
                    ]}
                  />
                  <TextInput
                    label={t('kpiCode')}
                    value={k.kpiCode ?? ''}
                    onChange={(e) => update({ kpiCode: e.currentTarget.value || null })}
                  />
                </SimpleGrid>
              )}
            />
            <ListEditor<Question>
              title={t('questions')}
              items={def.questions}
              onChange={(questions) => set({ questions })}
              blank={{
                code: `q${def.questions.length + 1}`,
                kind: 'long_text',
                labelNl: '',
                labelEn: null,
                helpNl: '',
                helpEn: null,
                isRequired: true,
                maxWords: null,
                maxChars: null,
                options: [],
                conditionQuestionCode: null,
                conditionValue: null,
              }}
              render={(q, update) => (
                <SimpleGrid cols={{ base: 2, sm: 5 }}>
                  <TextInput
                    label={t('code')}
                    value={q.code}
                    onChange={(e) => update({ code: e.currentTarget.value })}
                  />
                  <Select
                    label={t('kind')}
                    allowDeselect={false}
                    value={q.kind}
                    onChange={(v) => v && update({ kind: v as Question['kind'] })}
                    data={['short_text', 'long_text', 'number', 'yes_no', 'choice'].map((k) => ({
                      value: k,
                      label: t(`questionKinds.${k}`),
                    }))}
                  />
                  <TextInput
                    label={t('label')}
                    value={q.labelNl}
                    onChange={(e) => update({ labelNl: e.currentTarget.value })}
                  />
                  <NumberInput
                    label={t('maxWords', { count: 0 }).replace(' 0', '')}
                    value={q.maxWords ?? ''}
                    onChange={(v) => update({ maxWords: num(v) })}
                  />
                  <Checkbox
                    mt="lg"
                    label={t('required')}
                    checked={q.isRequired}
                    onChange={(e) => update({ isRequired: e.currentTarget.checked })}
                  />
                  <TextInput
                    label={t('options')}
                    disabled={q.kind !== 'choice'}
                    value={q.options.join(', ')}
                    onChange={(e) =>
                      update({
                        options: e.currentTarget.value
                          .split(',')
                          .map((s) => s.trim())
                          .filter(Boolean),
                      })
                    }
                  />
                  <TextInput
                    label={t('conditionQuestion')}
                    value={q.conditionQuestionCode ?? ''}
                    onChange={(e) => update({ conditionQuestionCode: e.currentTarget.value || null })}
                  />
                  <TextInput
                    label={t('conditionValue')}
                    value={q.conditionValue ?? ''}
                    onChange={(e) => update({ conditionValue: e.currentTarget.value || null })}
                  />
                  <TextInput
                    label={t('help')}
                    value={q.helpNl}
                    onChange={(e) => update({ helpNl: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
            />
            {isAmendment && (
              <Textarea
                label={t('motivation')}
                required
                value={motivation}
                onChange={(e) => setMotivation(e.currentTarget.value)}
              />
            )}
            <Group justify="flex-end">
              <Button
                loading={save.isPending}
                onClick={() =>
                  save.mutate(undefined, {
                    onSuccess: (r) => {
                      notifications.show({ message: t('saved') });
                      void navigate(`/calls/${r.data.id}`);
                    },
                  })
                }
              >
                {isAmendment ? t('amend') : t('save')}
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <CallView call={preview} titleOrder={2} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
