import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { Pager } from '../../shared/pager';
import { useAgreements, usePartnershipMutation, type Agreement, type Report } from './api';
import { linesOf } from './forms';
import { DateRangeFields } from '../../shared/date-range-fields';
import { pickText } from '../../app/language';

function AgreementForm({
  clusterId,
  agreement,
  onClose,
}: {
  clusterId: string;
  agreement: Agreement | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('partnership');
  const { t: tc } = useTranslation();
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    title: agreement?.title ?? '',
    periodStart: agreement?.periodStart ?? `${year}-01-01`,
    periodEnd: agreement?.periodEnd ?? `${year + 2}-12-31`,
    clusterCommitments: agreement?.clusterCommitments ?? '',
    agencyCommitments: agreement?.agencyCommitments ?? '',
    followUpRhythm: agreement?.followUpRhythm ?? '',
    objectives: (agreement?.objectives ?? []).map((o) => o.title).join('\n'),
    objectivesEn: (agreement?.objectives ?? []).map((o) => o.titleEn ?? '').join('\n'),
  });
  const save = usePartnershipMutation(() => {
    // Objectives keep their id (and KPI links) by position; new lines become new objectives.
    // The English titles go by position: line i is the English title of objective i (empty: none).
    const english = form.objectivesEn.split('\n').map((line) => line.trim());
    const objectives = linesOf(form.objectives).map((title, i) => {
      const existing = agreement?.objectives[i];
      const titleEn = english[i] || null;
      return existing
        ? {
            id: existing.id,
            title,
            titleEn,
            description: existing.title === title ? existing.description : '',
            kpiDefinitionIds: existing.kpis.map((k) => k.id),
          }
        : { title, titleEn, description: '', kpiDefinitionIds: [] };
    });
    const reportingPeriods = (agreement?.periods ?? []).map((p) => ({
      id: p.id,
      label: p.label,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      dueOn: p.dueOn,
    }));
    const body = {
      title: form.title,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      clusterCommitments: form.clusterCommitments,
      agencyCommitments: form.agencyCommitments,
      followUpRhythm: form.followUpRhythm,
      objectives,
      reportingPeriods,
    };
    return agreement
      ? api.put(`/api/partnership/agreements/${agreement.id}`, body)
      : api.post(`/api/partnership/clusters/${clusterId}/agreements`, body);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ message: t('saved') });
        onClose();
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={agreement ? t('editAgreement') : t('newAgreement')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {agreement && (agreement.clusterSignature || agreement.agencySignature) && (
            <Alert color="yellow">{t('amendWarning')}</Alert>
          )}
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('title')}
            required
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          />
          <DateRangeFields
            startLabel={t('periodStart')}
            endLabel={t('periodEnd')}
            start={form.periodStart}
            end={form.periodEnd}
            onStart={(periodStart) => setForm({ ...form, periodStart })}
            onEnd={(periodEnd) => setForm({ ...form, periodEnd })}
          />
          <Textarea
            label={t('objectives')}
            description={t('objectivesHelp')}
            autosize
            minRows={4}
            value={form.objectives}
            onChange={(e) => setForm({ ...form, objectives: e.currentTarget.value })}
          />
          <Textarea
            label={t('objectivesEn')}
            description={t('objectivesEnHelp')}
            autosize
            minRows={4}
            value={form.objectivesEn}
            onChange={(e) => setForm({ ...form, objectivesEn: e.currentTarget.value })}
          />
          <Textarea
            label={t('clusterCommitments')}
            autosize
            minRows={2}
            value={form.clusterCommitments}
            onChange={(e) => setForm({ ...form, clusterCommitments: e.currentTarget.value })}
          />
          <Textarea
            label={t('agencyCommitments')}
            autosize
            minRows={2}
            value={form.agencyCommitments}
            onChange={(e) => setForm({ ...form, agencyCommitments: e.currentTarget.value })}
          />
          <TextInput
            label={t('followUpRhythm')}
            value={form.followUpRhythm}
            onChange={(e) => setForm({ ...form, followUpRhythm: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tc('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Signature({ label, signature }: { label: string; signature: Agreement['clusterSignature'] }) {
  const { t } = useTranslation('partnership');
  return (
    <Group gap="xs">
      <Text fw={600}>{label}:</Text>
      {signature ? (
        <Badge color="green" variant="light">
          {signature.by
            ? t('signedBy', { name: signature.by, at: formatDateTime(signature.at) })
            : t('signedAt', { at: formatDateTime(signature.at) })}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t('awaitingSignature')}
        </Badge>
      )}
    </Group>
  );
}

function AgreementCard({
  agreement,
  abilities,
  role,
}: {
  agreement: Agreement;
  abilities: Record<string, boolean>;
  role: string;
}) {
  const { t, i18n } = useTranslation('partnership');
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const sign = usePartnershipMutation(() => api.post(`/api/partnership/agreements/${agreement.id}/sign`));
  const close = usePartnershipMutation((periodId: string) =>
    api.post(`/api/partnership/periods/${periodId}/close`),
  );
  const start = usePartnershipMutation((periodId: string) =>
    api.post<Report>(`/api/partnership/clusters/${agreement.clusterId}/reports`, { periodId }),
  );
  const mySideSigned =
    role === 'officer' ? agreement.agencySignature !== null : agreement.clusterSignature !== null;
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {agreement.title}
            </Title>
            <Text c="dimmed">
              {t('period')}: {formatDate(agreement.periodStart)} – {formatDate(agreement.periodEnd)}
              {agreement.amendmentCount > 0
                ? ` · ${t('amendments', { count: agreement.amendmentCount })}`
                : ''}
            </Text>
          </Stack>
          <Group>
            {abilities.sign && !mySideSigned && (
              <Button onClick={() => sign.mutate(undefined)} loading={sign.isPending}>
                {t('sign')}
              </Button>
            )}
            {abilities.edit && (
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('editAgreement')}
              </Button>
            )}
          </Group>
        </Group>
        <ErrorAlert error={sign.error ?? close.error ?? start.error} />
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('objectives')}
          </Title>
          <List type="ordered" spacing="sm">
            {agreement.objectives.map((o) => (
              <List.Item key={o.id} data-testid="objective">
                <Text fw={600}>{pickText(i18n.language, o.title, o.titleEn)}</Text>
                {o.description && (
                  <Text size="sm" c="dimmed">
                    {o.description}
                  </Text>
                )}
                <Group gap={4} mt={4}>
                  <Text size="sm">{t('linkedKpis')}:</Text>
                  {o.kpis.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('noKpis')}
                    </Text>
                  ) : (
                    o.kpis.map((k) => (
                      <Badge key={k.id} variant="outline" tt="none">
                        {pickText(i18n.language, k.name, k.nameEn)}
                      </Badge>
                    ))
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <div>
            <Title order={3} size="h4">
              {t('clusterCommitments')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{agreement.clusterCommitments || '–'}</Text>
          </div>
          <div>
            <Title order={3} size="h4">
              {t('agencyCommitments')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{agreement.agencyCommitments || '–'}</Text>
            {agreement.followUpRhythm && (
              <Text size="sm" c="dimmed" mt={4}>
                {t('followUpRhythm')}: {agreement.followUpRhythm}
              </Text>
            )}
          </div>
        </SimpleGrid>
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('signatures')}
          </Title>
          <Stack gap={4}>
            <Signature label={t('clusterSide')} signature={agreement.clusterSignature} />
            <Signature label={t('agencySide')} signature={agreement.agencySignature} />
          </Stack>
        </div>
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('reportingPeriods')}
          </Title>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('period')}</Table.Th>
                <Table.Th>{t('dueOn')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.periods.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.label} ({formatDate(p.startsOn)} – {formatDate(p.endsOn)})
                  </Table.Td>
                  <Table.Td>{formatDate(p.dueOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={p.isClosed ? 'gray' : 'blue'} variant="light">
                        {p.isClosed ? t('closed') : t('open')}
                      </Badge>
                      {p.reportStatus && (
                        <Badge variant="outline">{t(`reportStatuses.${p.reportStatus}`)}</Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {abilities.edit && !p.isClosed && !p.reportId && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() =>
                            start.mutate(p.id, { onSuccess: () => void navigate(`?tab=reports`) })
                          }
                        >
                          {t('startReport')}
                        </Button>
                      )}
                      {abilities.closePeriod && !p.isClosed && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => close.mutate(p.id)}>
                          {t('closePeriod')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Stack>
      {editing && (
        <AgreementForm
          clusterId={agreement.clusterId}
          agreement={agreement}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}

export function AgreementTab({ clusterId, role }: { clusterId: string; role: string }) {
  const { t } = useTranslation('partnership');
  const agreements = useAgreements(clusterId);
  const [creating, setCreating] = useState(false);
  const abilities = agreements.data?.abilities ?? {};
  const rows = agreements.data?.data ?? [];
  return (
    <Stack>
      <ErrorAlert error={agreements.error} />
      {agreements.isSuccess && rows.length === 0 && <Text c="dimmed">{t('noAgreement')}</Text>}
      {abilities.edit && (
        <Group>
          <Button variant="light" onClick={() => setCreating(true)}>
            {t('newAgreement')}
          </Button>
        </Group>
      )}
      {rows.map((a) => (
        <AgreementCard key={a.id} agreement={a} abilities={abilities} role={role} />
      ))}
      <Pager serverPage={agreements.serverPage} />
      {creating && (
        <AgreementForm clusterId={clusterId} agreement={null} onClose={() => setCreating(false)} />
      )}
    </Stack>
  );
}
