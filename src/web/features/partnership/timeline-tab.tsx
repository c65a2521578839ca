import { Anchor, Badge, Chip, Group, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../app/api-client';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { Pager } from '../../shared/pager';
import { TIMELINE_KINDS, useTimeline, type TimelineKind } from './api';
import { formatSnapshotValue } from './forms';
import { languageOf } from '../../app/language';

const COLORS: Record<TimelineKind, string> = {
  agreement: 'indigo',
  meeting: 'blue',
  decision: 'cyan',
  report: 'teal',
  action: 'green',
  kpi_validation: 'lime',
  payment: 'yellow',
  amendment: 'orange',
};

/** Meetings, reports, decisions, KPI validations, payments and amendments of one cluster, newest first. */
export function TimelineTab({ clusterId }: { clusterId: string }) {
  const { t, i18n } = useTranslation('partnership');
  const { t: tc } = useTranslation();
  const language = languageOf(i18n.language);
  const [kinds, setKinds] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const timeline = useTimeline(clusterId, { kinds, from, to });
  const rows = timeline.data?.data ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap={6}>
            {TIMELINE_KINDS.map((k) => (
              <Chip key={k} value={k} size="xs" color={COLORS[k]}>
                {t(`timelineKinds.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group>
          <TextInput
            type="date"
            label={t('from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            size="xs"
          />
          <TextInput
            type="date"
            label={t('to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            size="xs"
          />
          <Anchor
            href={`/api/partnership/clusters/${clusterId}/timeline.xlsx${query({ kinds: kinds.join(','), from, to })}`}
            download
          >
            {tc('exportXlsx')}
          </Anchor>
        </Group>
      </Group>
      <ErrorAlert error={timeline.error} />
      {timeline.isSuccess && rows.length === 0 && <Text c="dimmed">{tc('noRows')}</Text>}
      <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
        {rows.map((e) => (
          <Timeline.Item
            key={e.id}
            color={COLORS[e.kind]}
            title={
              <Group gap="xs">
                <Text fw={600}>
                  {e.link ? (
                    <Anchor component={Link} to={e.link}>
                      {e.title[language]}
                    </Anchor>
                  ) : (
                    e.title[language]
                  )}
                </Text>
                <Badge size="xs" variant="light" color={COLORS[e.kind]}>
                  {t(`timelineKinds.${e.kind}`)}
                </Badge>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)}
            </Text>
            {e.detail && (
              <Text size="sm">{e.kind === 'payment' ? formatSnapshotValue(e.detail) : e.detail}</Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      <Pager serverPage={timeline.serverPage} />
    </Stack>
  );
}
