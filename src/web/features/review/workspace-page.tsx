import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { formatCents } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { fieldErrors, scrollToFirstError } from '../../shared/field-errors';
import { ProposalView } from '../../shared/proposal-view';
import { useReviewMutation, useWorkspace, type Workspace } from './api';
import { languageOf, pickText } from '../../app/language';

interface Entry {
  score: number | string;
  text: string;
}

export function ReviewWorkspacePage() {
  const { proposalId = '' } = useParams();
  const { t } = useTranslation('review');
  const workspace = useWorkspace(proposalId);
  const data = workspace.data?.data;
  const abilities = workspace.data?.abilities ?? {};
  return (
    <>
      <PageHeader
        title={data ? `${data.proposal.reference} · ${data.proposal.title}` : t('myTitle')}
        description={data?.call.title}
      />
      <ErrorAlert error={workspace.error} />
      {data && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {data.submission ? (
              <ProposalView
                content={data.submission.content}
                questions={data.submission.questions}
                attachments={data.submission.attachments}
                attachmentUrl={(id) => `/api/review/proposals/${proposalId}/attachments/${id}`}
                criteria={data.criteria.map((c) => ({
                  id: c.id,
                  nameNl: c.name,
                  nameEn: c.nameEn,
                  descriptionNl: c.description,
                  descriptionEn: c.descriptionEn ?? null,
                  scaleMin: c.scaleMin,
                  scaleMax: c.scaleMax,
                  allowsHalfPoints: c.allowsHalfPoints,
                  weight: c.weight,
                  threshold: c.threshold,
                }))}
                version={{ number: data.submission.versionNumber, submittedAt: data.submission.submittedAt }}
                representation={data.submission.representation}
              />
            ) : (
              <Card withBorder>
                <Text>{data.proposal.summary}</Text>
                <Text size="sm" mt="xs">
                  <b>{t('themes')}:</b> {data.proposal.themes.join(', ')}
                </Text>
                <Text size="sm">
                  <b>{t('requested')}:</b> {formatCents(data.proposal.requestedCents)}
                </Text>
              </Card>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack>
              {(abilities.editReview || data.ownReview) && (
                <ReviewForm data={data} editable={abilities.editReview ?? false} proposalId={proposalId} />
              )}
              {data.otherReviewsHidden ? (
                <Alert color="gray">{t('othersHidden')}</Alert>
              ) : (
                <OtherReviews data={data} />
              )}
              {abilities.writeConsensus && <ConsensusForm data={data} proposalId={proposalId} />}
              {data.consensus?.status === 'agreed' && (
                <Alert color="green" title={t('consensusTitle')}>
                  {t('consensusStatus.agreed')}
                </Alert>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

function ReviewForm({
  data,
  editable,
  proposalId,
}: {
  data: Workspace;
  editable: boolean;
  proposalId: string;
}) {
  const { t, i18n } = useTranslation('review');
  const navigate = useNavigate();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [comment, setComment] = useState('');
  const [conflictReason, setConflictReason] = useState('');
  useEffect(() => {
    const initial: Record<string, Entry> = {};
    for (const c of data.criteria) {
      const own = data.ownReview?.scores.find((s) => s.criterionId === c.id);
      initial[c.id] = { score: own?.score ?? '', text: own?.justification ?? '' };
    }
    setEntries(initial);
    setComment(data.ownReview?.overallComment ?? '');
  }, [data]);
  const body = () => ({
    overallComment: comment,
    scores: data.criteria.map((c) => ({
      criterionId: c.id,
      score: typeof entries[c.id]?.score === 'number' ? entries[c.id].score : null,
      justification: entries[c.id]?.text ?? '',
    })),
  });
  const save = useReviewMutation(() => api.put(`/api/review/proposals/${proposalId}/review`, body()));
  const submit = useReviewMutation(async () => {
    await api.put(`/api/review/proposals/${proposalId}/review`, body());
    return api.post(`/api/review/proposals/${proposalId}/review/submit`);
  });
  const declare = useReviewMutation(() =>
    api.post(`/api/review/proposals/${proposalId}/conflict`, { reason: conflictReason }),
  );
  // Errors on their field: the API names a score by its place in the list or by criterion code.
  const language = languageOf(i18n.language);
  const errors = fieldErrors(save.error ?? submit.error, language);
  const errorOf = (index: number, code: string, field: 'score' | 'justification') =>
    errors[`scores.${index}.${field}`] ??
    errors[`scores.${code}.${field}`] ??
    (field === 'score' ? errors[`scores.${code}`] : undefined);
  const criterionNames = Object.fromEntries(
    data.criteria.flatMap((c, i) => {
      const name = pickText(language, c.name, c.nameEn);
      return [
        [c.code, name],
        [`scores.${i}`, name],
      ];
    }),
  );
  useEffect(() => {
    if (save.error || submit.error) scrollToFirstError();
  }, [save.error, submit.error]);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('score')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('workspaceIntro')}
      </Text>
      <Stack>
        {data.criteria.map((c, index) => (
          <Group key={c.id} align="flex-start" wrap="nowrap" data-testid={`score-${c.name}`}>
            <NumberInput
              label={`${c.name} (${c.scaleMin}–${c.scaleMax})`}
              error={errorOf(index, c.code, 'score')}
              w={200}
              min={c.scaleMin}
              max={c.scaleMax}
              step={c.allowsHalfPoints ? 0.5 : 1}
              decimalScale={1}
              disabled={!editable}
              value={entries[c.id]?.score ?? ''}
              onChange={(value) => setEntries({ ...entries, [c.id]: { ...entries[c.id], score: value } })}
            />
            <Textarea
              label={t('justification', { min: data.minJustificationChars })}
              error={errorOf(index, c.code, 'justification')}
              style={{ flex: 1 }}
              autosize
              minRows={2}
              disabled={!editable}
              value={entries[c.id]?.text ?? ''}
              onChange={(e) =>
                setEntries({ ...entries, [c.id]: { ...entries[c.id], text: e.currentTarget.value } })
              }
            />
          </Group>
        ))}
        <Textarea
          label={t('overallComment')}
          autosize
          minRows={2}
          disabled={!editable}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <ErrorAlert error={save.error ?? submit.error ?? declare.error} fieldNames={criterionNames} />
        {editable ? (
          <Group>
            <Button
              variant="light"
              loading={save.isPending}
              onClick={() =>
                save.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
              }
            >
              {t('saveDraft')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(undefined, { onSuccess: () => notifications.show({ message: t('saved') }) })
              }
            >
              {t('submit')}
            </Button>
          </Group>
        ) : (
          <Badge color="green">{t('reviewStatus.submitted')}</Badge>
        )}
        {editable && (
          <Group align="flex-end">
            <Textarea
              label={t('conflictReason')}
              style={{ flex: 1 }}
              autosize
              minRows={1}
              value={conflictReason}
              onChange={(e) => setConflictReason(e.currentTarget.value)}
            />
            <Button
              color="red"
              variant="light"
              disabled={conflictReason.trim().length < 5}
              onClick={() => declare.mutate(undefined, { onSuccess: () => void navigate('/review/my') })}
            >
              {t('declareConflict')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function OtherReviews({ data }: { data: Workspace }) {
  const { t } = useTranslation('review');
  if (data.otherReviews.length === 0) return null;
  return (
    <Card withBorder data-testid="other-reviews">
      <Title order={2} size="h4" mb="xs">
        {t('otherReviews')}
      </Title>
      {data.disagreements.length > 0 && (
        <Alert color="orange" mb="sm">
          {t('flagged', {
            list: data.disagreements
              .map((d) => data.criteria.find((c) => c.id === d.criterionId)?.name ?? d.code)
              .join(', '),
          })}
        </Alert>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('expert')}</Table.Th>
            {data.criteria.map((c) => (
              <Table.Th key={c.id}>{c.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.otherReviews.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>{r.label}</Table.Td>
              {data.criteria.map((c) => {
                const s = r.scores.find((x) => x.criterionId === c.id);
                return (
                  <Table.Td key={c.id} title={s?.justification}>
                    {s?.score ?? '–'}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.otherReviews.map((r) => (
        <Stack key={r.label} gap={2} mt="sm">
          <Text fw={600} size="sm">
            {r.label}
          </Text>
          {data.criteria.map((c) => {
            const s = r.scores.find((x) => x.criterionId === c.id);
            return s?.justification ? (
              <Text key={c.id} size="sm">
                {c.name}: {s.justification}
              </Text>
            ) : null;
          })}
          {r.overallComment && <Text size="sm">{r.overallComment}</Text>}
        </Stack>
      ))}
    </Card>
  );
}

function ConsensusForm({ data, proposalId }: { data: Workspace; proposalId: string }) {
  const { t } = useTranslation('review');
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [minority, setMinority] = useState('');
  useEffect(() => {
    const initial: Record<string, Entry> = {};
    for (const c of data.criteria) {
      const agreed = data.consensus?.scores.find((s) => s.criterionId === c.id);
      const scores = [
        ...data.otherReviews.map((r) => r.scores),
        ...(data.ownReview ? [data.ownReview.scores] : []),
      ].flatMap((list) =>
        list.filter((s) => s.criterionId === c.id && s.score !== null).map((s) => s.score as number),
      );
      const mean = scores.length
        ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * (c.allowsHalfPoints ? 2 : 1)) /
          (c.allowsHalfPoints ? 2 : 1)
        : '';
      initial[c.id] = { score: agreed?.score ?? mean, text: agreed?.comment ?? '' };
    }
    setEntries(initial);
    setMinority(data.consensus?.minorityView ?? '');
  }, [data]);
  const save = useReviewMutation((agree: boolean) =>
    api.put(`/api/review/proposals/${proposalId}/consensus`, {
      agree,
      minorityView: minority,
      scores: data.criteria
        .filter((c) => typeof entries[c.id]?.score === 'number')
        .map((c) => ({
          criterionId: c.id,
          score: entries[c.id].score as number,
          comment: entries[c.id].text,
        })),
    }),
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('consensusTitle')}
      </Title>
      <Stack>
        {data.criteria.map((c) => (
          <Group key={c.id} align="flex-start" wrap="nowrap">
            <NumberInput
              label={c.name}
              w={200}
              min={c.scaleMin}
              max={c.scaleMax}
              step={c.allowsHalfPoints ? 0.5 : 1}
              decimalScale={1}
              value={entries[c.id]?.score ?? ''}
              onChange={(value) => setEntries({ ...entries, [c.id]: { ...entries[c.id], score: value } })}
            />
            <Textarea
              label={t('comment')}
              style={{ flex: 1 }}
              autosize
              minRows={2}
              value={entries[c.id]?.text ?? ''}
              onChange={(e) =>
                setEntries({ ...entries, [c.id]: { ...entries[c.id], text: e.currentTarget.value } })
              }
            />
          </Group>
        ))}
        <Textarea
          label={t('minorityView')}
          autosize
          minRows={2}
          value={minority}
          onChange={(e) => setMinority(e.currentTarget.value)}
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button
            variant="light"
            loading={save.isPending}
            onClick={() =>
              save.mutate(false, { onSuccess: () => notifications.show({ message: t('saved') }) })
            }
          >
            {t('saveConsensus')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(true, { onSuccess: () => notifications.show({ message: t('saved') }) })
            }
          >
            {t('agreeConsensus')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
