import { textOf } from '../../shared/text-of';
import { Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDate, formatDateTime, formatNumber } from '../app/format';

/** The submitted content of a proposal (the version snapshot), as the API sends it. */
export interface ProposalContentView {
  title: string;
  summary: string;
  answers: Record<string, unknown>;
  consortium: {
    organisationId?: string | null;
    enterpriseNumber: string | null;
    name: string | null;
    helix: string | null;
    sizeClass: string | null;
    role: string;
    budgetShareCents: number;
  }[];
  budgetLines: {
    enterpriseNumber: string | null;
    category: string;
    description: string;
    costCents: number;
    requestedAidCents: number;
    ownContributionCents: number;
  }[];
  kpis: {
    name: string;
    unit: string;
    direction: string;
    baselineValue: number;
    baselineDate: string | null;
    targetValue: number;
    targetPeriod: string;
  }[];
}

/** Per consortium partner (in its order): confirmed by a representative's mandate, or only named. */
export interface PartnerRepresentationView {
  enterpriseNumber: string | null;
  confirmed: boolean;
  confirmedAt: string | null;
  /** Who confirmed it; null for reviewers, who learn only whether. */
  representatives: { name: string; confirmedAt: string; provider: string | null }[] | null;
}

/**
 * "Confirmed representative" (with who and when, where the viewer may know) or "only named": a
 * badge whose text says it, not its colour alone.
 */
export function RepresentationBadge({ representation }: { representation: PartnerRepresentationView }) {
  const { t } = useTranslation('proposalView');
  if (!representation.confirmed)
    return (
      <Badge variant="outline" color="gray" data-testid="representation-badge">
        {t('onlyNamed')}
      </Badge>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color="green" data-testid="representation-badge">
        ✓ {t('confirmedRepresentative')}
      </Badge>
      {representation.representatives?.map((r) => (
        <Text size="xs" key={`${r.name}-${r.confirmedAt}`}>
          {t('confirmedBy', { name: r.name, date: formatDateTime(r.confirmedAt) })}
        </Text>
      ))}
    </Stack>
  );
}

export interface QuestionView {
  code: string;
  kind: string;
  labelNl: string;
  labelEn: string | null;
  conditionQuestionCode: string | null;
  conditionValue: string | null;
}

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  kind: string;
}

export interface CriterionGuidance {
  id: string;
  nameNl: string;
  nameEn: string | null;
  descriptionNl: string;
  descriptionEn: string | null;
  scaleMin: number;
  scaleMax: number;
  allowsHalfPoints: boolean;
  weight: number;
  threshold: number | null;
}

/** Whether a (conditional) question was shown to the applicant, by the same rule as the server's. */
function isShown(question: QuestionView, answers: Record<string, unknown>): boolean {
  if (!question.conditionQuestionCode) return true;
  const answer = answers[question.conditionQuestionCode];
  return answer !== undefined && answer !== null && textOf(answer) === (question.conditionValue ?? '');
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * A submitted proposal in full, read-only: summary, answers (conditional ones only where the
 * applicant was asked them), consortium, budget lines per partner with totals, KPIs with baseline
 * and target, attachments (download; a PDF can be shown in the page) and, when given, the call's
 * criteria with their guidance. Used by the expert's workspace and the officer's proposal page.
 */
export function ProposalView({
  content,
  questions,
  attachments,
  attachmentUrl,
  criteria,
  version,
  representation,
}: {
  content: ProposalContentView;
  questions: QuestionView[];
  attachments: AttachmentView[];
  attachmentUrl: (attachmentId: string) => string;
  criteria?: CriterionGuidance[];
  version?: { number: number; submittedAt: string };
  /** Per partner of `content.consortium`, in its order: a confirmed representative or only named. */
  representation?: PartnerRepresentationView[] | null;
}) {
  const { t, i18n } = useTranslation('proposalView');
  const en = i18n.language === 'en';
  const label = (q: QuestionView) => (en ? (q.labelEn ?? q.labelNl) : q.labelNl);
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const answerText = (q: QuestionView | undefined, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('notAnswered');
    if (typeof value === 'boolean' || q?.kind === 'yes_no')
      return value === true || value === 'true' ? t('yes') : t('no');
    if (typeof value === 'number') return formatNumber(value);
    return textOf(value);
  };
  return (
    <Stack data-testid="proposal-view">
      <Section title={t('summary')} testId="proposal-summary">
        {version && (
          <Text size="sm" c="gray.7" mb="xs">
            {t('version', { version: version.number, date: formatDateTime(version.submittedAt) })}
          </Text>
        )}
        <Text style={{ whiteSpace: 'pre-wrap' }}>{content.summary}</Text>
      </Section>

      <Section title={t('answers')} testId="proposal-answers">
        {questions.length === 0 ? (
          <Text size="sm">{t('noQuestions')}</Text>
        ) : (
          <Stack gap="sm">
            {questions
              .filter((q) => isShown(q, content.answers))
              .map((q) => {
                const condition = q.conditionQuestionCode ? byCode.get(q.conditionQuestionCode) : undefined;
                return (
                  <div key={q.code}>
                    <Text fw={600}>{label(q)}</Text>
                    {condition && (
                      <Text size="xs" c="gray.7">
                        {t('askedBecause', {
                          question: label(condition),
                          value: answerText(condition, content.answers[condition.code]),
                        })}
                      </Text>
                    )}
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{answerText(q, content.answers[q.code])}</Text>
                  </div>
                );
              })}
          </Stack>
        )}
      </Section>

      <Section title={t('consortium')} testId="proposal-consortium">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organisation')}</Table.Th>
              <Table.Th>{t('enterpriseNumber')}</Table.Th>
              <Table.Th>{t('role')}</Table.Th>
              <Table.Th>{t('helix')}</Table.Th>
              <Table.Th>{t('sizeClass')}</Table.Th>
              <Table.Th ta="right">{t('budgetShare')}</Table.Th>
              {representation && <Table.Th>{t('representation')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {content.consortium.map((m, i) => (
              <Table.Tr key={`${m.organisationId ?? m.enterpriseNumber ?? m.name}`}>
                <Table.Td>{m.name ?? '–'}</Table.Td>
                <Table.Td>{m.enterpriseNumber ?? '–'}</Table.Td>
                <Table.Td>{t(`roles.${m.role}`, { defaultValue: m.role })}</Table.Td>
                <Table.Td>{m.helix ? t(`helixes.${m.helix}`, { defaultValue: m.helix }) : '–'}</Table.Td>
                <Table.Td>
                  {t(`sizeClasses.${m.sizeClass ?? 'unknown'}`, { defaultValue: m.sizeClass ?? '' })}
                </Table.Td>
                <Table.Td ta="right">{formatCents(m.budgetShareCents)}</Table.Td>
                {representation && (
                  <Table.Td>
                    {representation[i] && <RepresentationBadge representation={representation[i]} />}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('budget')} testId="proposal-budget">
        <BudgetTable content={content} />
      </Section>

      <Section title={t('kpis')} testId="proposal-kpis">
        {content.kpis.length === 0 ? (
          <Text size="sm">{t('noKpis')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kpiName')}</Table.Th>
                <Table.Th>{t('direction')}</Table.Th>
                <Table.Th ta="right">{t('baseline')}</Table.Th>
                <Table.Th ta="right">{t('target')}</Table.Th>
                <Table.Th>{t('targetPeriod')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {content.kpis.map((k, i) => (
                <Table.Tr key={`${k.name}-${i}`}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>{t(`kpiDirections.${k.direction}`, { defaultValue: k.direction })}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(k.baselineValue)} {k.unit}
                    {k.baselineDate ? ` (${formatDate(k.baselineDate)})` : ''}
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(k.targetValue)} {k.unit}
                  </Table.Td>
                  <Table.Td>{k.targetPeriod}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t('attachments')} testId="proposal-attachments">
        {attachments.length === 0 ? (
          <Text size="sm">{t('noAttachments')}</Text>
        ) : (
          <Stack gap="xs">
            {attachments.map((a) => (
              <AttachmentRow key={a.id} attachment={a} url={attachmentUrl(a.id)} />
            ))}
          </Stack>
        )}
      </Section>

      {criteria && criteria.length > 0 && (
        <Section title={t('criteria')} testId="proposal-criteria">
          <List spacing="xs">
            {criteria.map((c) => (
              <List.Item key={c.id}>
                <Text fw={600}>{en ? (c.nameEn ?? c.nameNl) : c.nameNl}</Text>
                {(en ? (c.descriptionEn ?? c.descriptionNl) : c.descriptionNl) && (
                  <Text size="sm">{en ? (c.descriptionEn ?? c.descriptionNl) : c.descriptionNl}</Text>
                )}
                <Text size="sm" c="gray.7">
                  {[
                    t('scale', { min: formatNumber(c.scaleMin), max: formatNumber(c.scaleMax) }),
                    c.allowsHalfPoints ? t('halfPoints') : t('wholePoints'),
                    t('weight', { weight: formatNumber(c.weight) }),
                    c.threshold === null
                      ? t('noThreshold')
                      : t('threshold', { threshold: formatNumber(c.threshold) }),
                  ].join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        </Section>
      )}
    </Stack>
  );
}

function BudgetTable({ content }: { content: ProposalContentView }) {
  const { t } = useTranslation('proposalView');
  // Budget lines belong to a consortium member by enterprise number (as the applicant entered them).
  const members = new Set(content.consortium.map((m) => m.enterpriseNumber ?? ''));
  const partners: { key: string | null; name: string }[] = content.consortium.map((m) => ({
    key: m.enterpriseNumber ?? '',
    name: m.name ?? m.enterpriseNumber ?? '–',
  }));
  const isUnassigned = (l: ProposalContentView['budgetLines'][number]) =>
    !members.has(l.enterpriseNumber ?? '');
  if (content.budgetLines.some(isUnassigned)) partners.push({ key: null, name: t('unassigned') });
  const sum = (lines: ProposalContentView['budgetLines'], pick: (l: (typeof lines)[number]) => number) =>
    lines.reduce((total, l) => total + pick(l), 0);
  const linesOf = (key: string | null) =>
    content.budgetLines.filter((l) => (key === null ? isUnassigned(l) : (l.enterpriseNumber ?? '') === key));
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('category')}</Table.Th>
          <Table.Th>{t('description')}</Table.Th>
          <Table.Th ta="right">{t('cost')}</Table.Th>
          <Table.Th ta="right">{t('requestedAid')}</Table.Th>
          <Table.Th ta="right">{t('ownContribution')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partners.map((p) => {
          const lines = linesOf(p.key);
          if (lines.length === 0) return null;
          return (
            <Fragment key={p.key ?? 'none'}>
              <Table.Tr>
                <Table.Th colSpan={5} scope="colgroup">
                  {p.name}
                </Table.Th>
              </Table.Tr>
              {lines.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{t(`categories.${l.category}`, { defaultValue: l.category })}</Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ta="right">{formatCents(l.costCents)}</Table.Td>
                  <Table.Td ta="right">{formatCents(l.requestedAidCents)}</Table.Td>
                  <Table.Td ta="right">{formatCents(l.ownContributionCents)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={600}>
                <Table.Td colSpan={2}>{t('subtotal', { name: p.name })}</Table.Td>
                <Table.Td ta="right">{formatCents(sum(lines, (l) => l.costCents))}</Table.Td>
                <Table.Td ta="right">{formatCents(sum(lines, (l) => l.requestedAidCents))}</Table.Td>
                <Table.Td ta="right">{formatCents(sum(lines, (l) => l.ownContributionCents))}</Table.Td>
              </Table.Tr>
            </Fragment>
          );
        })}
        <Table.Tr fw={700} data-testid="budget-total">
          <Table.Td colSpan={2}>{t('total')}</Table.Td>
          <Table.Td ta="right">{formatCents(sum(content.budgetLines, (l) => l.costCents))}</Table.Td>
          <Table.Td ta="right">{formatCents(sum(content.budgetLines, (l) => l.requestedAidCents))}</Table.Td>
          <Table.Td ta="right">
            {formatCents(sum(content.budgetLines, (l) => l.ownContributionCents))}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function AttachmentRow({ attachment, url }: { attachment: AttachmentView; url: string }) {
  const { t } = useTranslation('proposalView');
  const [open, setOpen] = useState(false);
  const isPdf = attachment.contentType === 'application/pdf';
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text size="sm">{t(`attachmentKinds.${attachment.kind}`, { defaultValue: attachment.kind })}:</Text>
        <Anchor href={url} download>
          {attachment.filename}
        </Anchor>
        {isPdf && (
          <Button size="compact-sm" variant="light" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t('hidePdf') : t('showPdf')}
          </Button>
        )}
      </Group>
      {isPdf && open && (
        <iframe
          src={`${url}?inline=true`}
          title={t('pdfFrame', { name: attachment.filename })}
          style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-4)' }}
        />
      )}
    </Stack>
  );
}
