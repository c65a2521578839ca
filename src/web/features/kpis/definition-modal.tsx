import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { ErrorAlert } from '../../shared/error-alert';
import { useKpiMutation } from './api';
import { ClusterSelect } from '../../shared/cluster-select';

const UNITS = ['count', 'percent', 'ratio', 'euro', 'number', 'tonnes', 'days', 'score'];

/** An officer adds a KPI (standard or for one cluster); a manager proposes one for their own cluster. */
export function DefinitionModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('kpis');
  const { t: tc } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const [form, setForm] = useState({
    code: '',
    nameNl: '',
    nameEn: '',
    definitionNl: '',
    definitionEn: '',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    lens: 'economic',
    evidenceRequired: false,
    source: 'reported',
    numeratorCode: '',
    denominatorCode: '',
    factor: 1 as number | string,
    clusterId: user?.role === 'manager' ? (user.clusterIds[0] ?? '') : '',
  });
  const save = useKpiMutation(() =>
    api.post('/api/kpis/definitions', {
      code: form.code,
      nameNl: form.nameNl,
      nameEn: form.nameEn,
      definitionNl: form.definitionNl,
      definitionEn: form.definitionEn,
      unit: form.unit,
      direction: form.direction,
      aggregation: form.aggregation,
      lens: form.lens,
      evidenceRequired: form.evidenceRequired,
      source: form.source,
      ...(form.source === 'formula'
        ? {
            numeratorCode: form.numeratorCode,
            denominatorCode: form.denominatorCode,
            factor: Number(form.factor),
          }
        : {}),
      clusterId: form.clusterId || null,
    }),
  );
  const set = (key: keyof typeof form) => (value: string | null) => setForm({ ...form, [key]: value ?? '' });
  return (
    <Modal
      opened
      onClose={onClose}
      title={user?.role === 'manager' ? t('proposeKpi') : t('newKpi')}
      size="lg"
    >
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput
          label={t('code')}
          description={t('codeHelp')}
          required
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.currentTarget.value.toUpperCase() })}
        />
        <TextInput
          label={`${t('name')} (nl)`}
          required
          value={form.nameNl}
          onChange={(e) => setForm({ ...form, nameNl: e.currentTarget.value })}
        />
        <TextInput
          label={`${t('name')} (en)`}
          required
          value={form.nameEn}
          onChange={(e) => setForm({ ...form, nameEn: e.currentTarget.value })}
        />
        <Textarea
          label={`${t('definition')} (nl)`}
          value={form.definitionNl}
          onChange={(e) => setForm({ ...form, definitionNl: e.currentTarget.value })}
        />
        <Textarea
          label={`${t('definition')} (en)`}
          value={form.definitionEn}
          onChange={(e) => setForm({ ...form, definitionEn: e.currentTarget.value })}
        />
        <Group grow>
          <Select
            label={t('unit')}
            data={UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))}
            value={form.unit}
            onChange={set('unit')}
            allowDeselect={false}
          />
          <Select
            label={t('direction')}
            data={[
              { value: 'higher', label: t('higher') },
              { value: 'lower', label: t('lower') },
            ]}
            value={form.direction}
            onChange={set('direction')}
            allowDeselect={false}
          />
          <Select
            label={t('aggregation')}
            data={(['sum', 'average', 'last'] as const).map((a) => ({
              value: a,
              label: t(`aggregations.${a}`),
            }))}
            value={form.aggregation}
            onChange={set('aggregation')}
            allowDeselect={false}
          />
        </Group>
        <Group grow>
          <Select
            label={t('lens')}
            data={[
              { value: 'economic', label: t('lenses.economic') },
              { value: 'transition', label: t('lenses.transition') },
              { value: 'both', label: t('lenses.both') },
            ]}
            value={form.lens}
            onChange={set('lens')}
            allowDeselect={false}
          />
          <Select
            label={t('sourceHeader')}
            data={['reported', 'formula'].map((s) => ({ value: s, label: t(`source.${s}`) }))}
            value={form.source}
            onChange={set('source')}
            allowDeselect={false}
          />
          <ClusterSelect
            label={t('cluster')}
            only={user?.role === 'manager' ? user.clusterIds : undefined}
            value={form.clusterId || null}
            onChange={set('clusterId')}
            clearable={user?.role !== 'manager'}
          />
        </Group>
        {form.source === 'formula' && (
          <Group grow>
            <TextInput
              label={t('numerator')}
              value={form.numeratorCode}
              onChange={(e) => setForm({ ...form, numeratorCode: e.currentTarget.value.toUpperCase() })}
            />
            <TextInput
              label={t('denominator')}
              value={form.denominatorCode}
              onChange={(e) => setForm({ ...form, denominatorCode: e.currentTarget.value.toUpperCase() })}
            />
            <NumberInput
              label={t('factor')}
              value={form.factor}
              onChange={(v) => setForm({ ...form, factor: v })}
            />
          </Group>
        )}
        <Checkbox
          label={t('evidenceRequired')}
          checked={form.evidenceRequired}
          onChange={(e) => setForm({ ...form, evidenceRequired: e.currentTarget.checked })}
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
