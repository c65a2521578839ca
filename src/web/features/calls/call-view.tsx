import { budgetRuleExplanation, budgetRuleName } from '../../../shared/selection-wording';
import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDateTime } from '../../app/format';
import type { Call, CallDefinition } from './api';

/** What the call page shows: the same for the public page, the internal page and the editor's preview. */
export type CallLike = Pick<
  Call,
  | 'code'
  | 'kind'
  | 'titleNl'
  | 'titleEn'
  | 'summaryNl'
  | 'summaryEn'
  | 'descriptionNl'
  | 'descriptionEn'
  | 'budgetEnvelopeCents'
  | 'overallThreshold'
  | 'budgetRule'
  | 'tieBreakRules'
> & {
  eligibilityRules: CallDefinition['eligibilityRules'];
  status?: Call['status'];
  opensAt: string | null;
  closesAt: string | null;
  evaluationStartsAt: string | null;
  decisionAt: string | null;
  themes: { id: string; labelNl: string; labelEn: string }[];
  criteria: CallDefinition['criteria'];
  requiredKpis: CallDefinition['requiredKpis'];
  questions: CallDefinition['questions'];
  amendments?: Call['amendments'];
};

/** The call as its readers see it; its title is the page's h1 (order 2 inside the editor's preview). */
export function CallView({ call, titleOrder = 1 }: { call: CallLike; titleOrder?: 1 | 2 }) {
  const { t, i18n } = useTranslation('calls');
  const en = i18n.language === 'en';
  const language = en ? 'en' : 'nl';
  const pick = (nl: string, english: string | null) => (en && english ? english : nl);
  // "only if <the other question's label> = <its answer in words>", never the codes.
  const conditionText = (q: CallLike['questions'][number]) => {
    const other = call.questions.find((o) => o.code === q.conditionQuestionCode);
    const value =
      other?.kind === 'yes_no'
        ? t(q.conditionValue === 'true' ? 'yes' : 'no').toLowerCase()
        : (q.conditionValue ?? '');
    return t('conditional', {
      question: other ? pick(other.labelNl, other.labelEn) : t('otherQuestion'),
      value,
    });
  };
  const criterionName = new Map(call.criteria.map((c) => [c.code, pick(c.nameNl, c.nameEn)]));
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light">{t(`kinds.${call.kind}`)}</Badge>
        {call.status && (
          <Badge color={call.status === 'open' ? 'green' : 'gray'}>{t(`statuses.${call.status}`)}</Badge>
        )}
        <Text c="dimmed" size="sm">
          {call.code}
        </Text>
      </Group>
      <Title order={titleOrder} size="h2">
        {pick(call.titleNl, call.titleEn)}
      </Title>
      {call.summaryNl && <Text fw={500}>{pick(call.summaryNl, call.summaryEn)}</Text>}
      {call.descriptionNl && (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{pick(call.descriptionNl, call.descriptionEn)}</Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 5 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('budget')}
          </Text>
          <Text fw={700}>{formatCents(call.budgetEnvelopeCents)}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('opensAt')}
          </Text>
          <Text fw={700}>{formatDateTime(call.opensAt)}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('closesAt')}
          </Text>
          <Text fw={700} data-testid="call-deadline">
            {formatDateTime(call.closesAt)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('evaluationStartsAt')}
          </Text>
          <Text fw={700}>{formatDateTime(call.evaluationStartsAt)}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('decisionAt')}
          </Text>
          <Text fw={700}>{formatDateTime(call.decisionAt)}</Text>
        </Card>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('timesInBrussels')}
      </Text>
      {call.themes.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('themes')}
          </Title>
          <Group gap="xs">
            {call.themes.map((th) => (
              <Badge key={th.id} variant="outline">
                {en ? th.labelEn : th.labelNl}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('criteria')}
        </Title>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('criterion')}</Table.Th>
              <Table.Th>{t('scale')}</Table.Th>
              <Table.Th>{t('weight')}</Table.Th>
              <Table.Th>{t('threshold')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {call.criteria.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  <Text fw={600}>{pick(c.nameNl, c.nameEn)}</Text>
                  <Text size="sm" c="dimmed">
                    {pick(c.descriptionNl, c.descriptionEn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.scaleMin}–{c.scaleMax}
                  {c.allowsHalfPoints ? ` (${t('halfPoints')})` : ''}
                </Table.Td>
                <Table.Td>{c.weight}</Table.Td>
                <Table.Td>{c.threshold ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {call.overallThreshold !== null && (
          <Text size="sm">
            {t('overallThreshold')}: {call.overallThreshold}
          </Text>
        )}
      </Stack>
      <Stack gap={4} data-testid="call-budget-rule">
        <Title order={3} size="h4">
          {t('budgetRuleHeading', { rule: budgetRuleName(call.budgetRule, language) })}
        </Title>
        <Text size="sm">{budgetRuleExplanation(call.budgetRule, language)}</Text>
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('tieBreakRules')}
        </Title>
        <List type="ordered">
          {call.tieBreakRules.map((r, i) => (
            <List.Item key={i}>
              {t(`tieBreakKinds.${r.kind}`)}
              {r.criterionCode ? `: ${criterionName.get(r.criterionCode) ?? r.criterionCode}` : ''} (
              {t(`directions.${r.direction}`)})
              {r.explanationNl ? ` — ${pick(r.explanationNl, r.explanationEn)}` : ''}
            </List.Item>
          ))}
        </List>
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('eligibilityRules')}
        </Title>
        <List>
          {call.eligibilityRules.map((r) => (
            <List.Item key={r.kind}>
              <Text span fw={600}>
                {t(`ruleKinds.${r.kind}`)}
                {r.parameter !== null
                  ? `: ${r.kind === 'max_requested_aid' ? formatCents(r.parameter) : r.parameter}`
                  : ''}
              </Text>
              {r.explanationNl ? ` — ${pick(r.explanationNl, r.explanationEn)}` : ''}
            </List.Item>
          ))}
        </List>
      </Stack>
      {call.requiredKpis.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('requiredKpis')}
          </Title>
          <List>
            {call.requiredKpis.map((k, i) => (
              <List.Item key={k.id ?? i}>
                {pick(k.nameNl, k.nameEn)} ({k.unit}, {t(`kpiDirections.${k.direction}`)})
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {call.questions.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('questions')}
          </Title>
          <List type="ordered">
            {call.questions.map((q) => (
              <List.Item key={q.code}>
                {pick(q.labelNl, q.labelEn)}{' '}
                <Text span size="sm" c="dimmed">
                  (
                  {[
                    t(`questionKinds.${q.kind}`),
                    q.isRequired ? t('required') : null,
                    q.maxWords ? t('maxWords', { count: q.maxWords }) : null,
                    q.maxChars ? t('maxChars', { count: q.maxChars }) : null,
                    q.conditionQuestionCode ? conditionText(q) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                  )
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {call.amendments && call.amendments.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('amendments')}
          </Title>
          <List>
            {call.amendments.map((a) => (
              <List.Item key={a.number}>
                {t('amendment', { number: a.number })} ({formatDateTime(a.amendedAt)}): {a.motivation}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
