import { Button, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../shared/error-alert';
import { useKpiMutation, type Dashboard, type Period } from './api';

type Kpi = Dashboard['kpis'][number];
const toNumber = (v: number | string): number | null => (v === '' ? null : Number(v));

/** The officer sets the baseline and targets; a change after a period started asks for a motivation (amendment). */
export function TargetModal({
  clusterId,
  kpi,
  periods,
  onClose,
}: {
  clusterId: string;
  kpi: Kpi;
  periods: Period[];
  onClose: () => void;
}) {
  const { t } = useTranslation('kpis');
  const { t: tc } = useTranslation();
  const target = kpi.target;
  const [baselineValue, setBaselineValue] = useState<number | string>(target?.baselineValue ?? '');
  const [baselineDate, setBaselineDate] = useState(target?.baselineDate ?? '');
  const [endTargetValue, setEndTargetValue] = useState<number | string>(target?.endTargetValue ?? '');
  const [endTargetDate, setEndTargetDate] = useState(target?.endTargetDate ?? '');
  const [perPeriod, setPerPeriod] = useState<Record<string, number | string>>(
    Object.fromEntries(periods.map((p) => [p.id, target?.periodTargets[p.id] ?? ''])),
  );
  const [motivation, setMotivation] = useState('');
  const save = useKpiMutation(() =>
    api.put(`/api/kpis/clusters/${clusterId}/targets/${kpi.definition.id}`, {
      baselineValue: toNumber(baselineValue),
      baselineDate: baselineDate || null,
      endTargetValue: toNumber(endTargetValue),
      endTargetDate: endTargetDate || null,
      periodTargets: Object.entries(perPeriod)
        .filter(([, v]) => v !== '')
        .map(([periodId, v]) => ({ periodId, value: Number(v) })),
      motivation: motivation || undefined,
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`${t('setTarget')}: ${kpi.definition.code}`} size="lg">
      <Stack>
        <ErrorAlert error={save.error} />
        <Group grow>
          <NumberInput
            label={t('baseline')}
            value={baselineValue}
            onChange={setBaselineValue}
            decimalSeparator=","
          />
          <TextInput
            label={t('date')}
            type="date"
            value={baselineDate}
            onChange={(e) => setBaselineDate(e.currentTarget.value)}
          />
        </Group>
        <Group grow>
          <NumberInput
            label={t('endTarget')}
            value={endTargetValue}
            onChange={setEndTargetValue}
            decimalSeparator=","
          />
          <TextInput
            label={t('date')}
            type="date"
            value={endTargetDate}
            onChange={(e) => setEndTargetDate(e.currentTarget.value)}
          />
        </Group>
        <Text size="sm" fw={600}>
          {t('periodTargets')}
        </Text>
        <Group grow>
          {periods.map((p) => (
            <NumberInput
              key={p.id}
              label={p.code}
              value={perPeriod[p.id] ?? ''}
              onChange={(v) => setPerPeriod({ ...perPeriod, [p.id]: v })}
              decimalSeparator=","
            />
          ))}
        </Group>
        <Textarea
          label={t('motivation')}
          description={t('motivationHelp')}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({ message: t('saved') });
                  onClose();
                },
              })
            }
          >
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
