import { centsToEuroNumber, eurosToCents } from '../../../shared/money';
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api-client';
import { formatCents, formatDate, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useOrganisation, usePortfolioMutation, type OrganisationDetail, type SmeYearInput } from './api';
import { languageOf } from '../../app/language';

const euro = (cents: number | null) => (cents === null ? '' : centsToEuroNumber(cents));
const cents = (value: string | number) =>
  value === '' || value === null ? null : Number(eurosToCents(Number(value)));

/** Edits the SME inputs of one reference year (partner and linked enterprises are kept as they are). */
function SmeYearModal({ organisation, onClose }: { organisation: OrganisationDetail; onClose: () => void }) {
  const { t } = useTranslation('portfolio');
  const { t: tc } = useTranslation();
  const last = organisation.smeInputs[organisation.smeInputs.length - 1];
  const [year, setYear] = useState<SmeYearInput>({
    referenceYear: (last?.referenceYear ?? new Date().getFullYear() - 2) + 1,
    headcount: null,
    turnoverCents: null,
    balanceSheetCents: null,
    publicControlShare: 0,
    related: last?.related ?? [],
  });
  const save = usePortfolioMutation(() =>
    api.put(`/api/organisations/${organisation.id}/sme-figures`, {
      years: [...organisation.smeInputs.filter((y) => y.referenceYear !== year.referenceYear), year],
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('addYear')}>
      <Stack>
        <ErrorAlert error={save.error} />
        <NumberInput
          label={t('referenceYear')}
          value={year.referenceYear}
          onChange={(v) => setYear({ ...year, referenceYear: Number(v) })}
          min={1990}
          max={2100}
        />
        <NumberInput
          label={t('headcount')}
          value={year.headcount ?? ''}
          onChange={(v) => setYear({ ...year, headcount: v === '' ? null : Number(v) })}
          min={0}
          decimalScale={1}
        />
        <NumberInput
          label={t('turnoverEuro')}
          value={euro(year.turnoverCents)}
          onChange={(v) => setYear({ ...year, turnoverCents: cents(v) })}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
        />
        <NumberInput
          label={t('balanceSheetEuro')}
          value={euro(year.balanceSheetCents)}
          onChange={(v) => setYear({ ...year, balanceSheetCents: cents(v) })}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
        />
        <NumberInput
          label={t('publicControl')}
          value={year.publicControlShare}
          onChange={(v) => setYear({ ...year, publicControlShare: Number(v) || 0 })}
          min={0}
          max={100}
          suffix=" %"
        />
        {year.related.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('relatedKept', { count: year.related.length })}
          </Text>
        )}
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

const yesNo = (value: boolean | null) => (value === null ? '?' : value ? '✓' : '✗');

/** One organisation: identity, SME class with its reasoning, memberships, projects, register data. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('portfolio');
  const organisation = useOrganisation(id);
  const [editing, setEditing] = useState(false);
  const o = organisation.data?.data;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (!o) return <Text>{t('loading')}</Text>;
  const language = languageOf(i18n.language);
  const classification = o.smeClassification;
  return (
    <>
      <PageHeader
        title={o.name}
        description={
          `${o.enterpriseNumberDisplay ?? `${o.country} ${o.foreignIdentifier ?? ''}`} · ` +
          `${t(`helix.${o.helix}`)}`
        }
        actions={
          organisation.data?.abilities.editSme && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('addYear')}
            </Button>
          )
        }
      />
      <Group mb="md" gap="xs">
        {o.helix === 'company' && (
          <Badge size="lg" color={o.isSme ? 'teal' : 'gray'}>
            {t(`sizes.${o.sizeClass}`)}
          </Badge>
        )}
        {o.isPioneer && (
          <Badge size="lg" color="grape">
            {o.isStartUp ? t('startUp', { years: o.pioneerYears }) : t('firstTimer')}
          </Badge>
        )}
        {o.isExample && <Badge variant="outline">{t('example')}</Badge>}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {o.helix === 'company' && (
            <Paper withBorder p="md" mb="md">
              <Title order={2} size="h4">
                {t('smeTitle')}
              </Title>
              <Text mt="xs">{classification.explanation[language]}</Text>
              {classification.years.length > 0 && (
                <Table mt="sm" withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('referenceYear')}</Table.Th>
                      <Table.Th>{t('headcount')}</Table.Th>
                      <Table.Th>{t('turnover')}</Table.Th>
                      <Table.Th>{t('balanceSheet')}</Table.Th>
                      <Table.Th>{t('yearClass')}</Table.Th>
                      <Table.Th>{t('checks')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {classification.years.map((y) => (
                      <Table.Tr key={y.referenceYear}>
                        <Table.Td>{y.referenceYear}</Table.Td>
                        <Table.Td>{formatNumber(y.aggregated.headcount, 1)}</Table.Td>
                        <Table.Td>{formatCents(y.aggregated.turnoverCents)}</Table.Td>
                        <Table.Td>{formatCents(y.aggregated.balanceSheetCents)}</Table.Td>
                        <Table.Td>{t(`sizes.${y.sizeClass}`)}</Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {y.checks
                              .map(
                                (c) =>
                                  `${t(`sizes.${c.sizeClass}`)}: ${t('staffShort')} ` +
                                  `${yesNo(c.headcountOk)} ${t('turnoverShort')} ` +
                                  `${yesNo(c.turnoverOk)} ${t('balanceShort')} ` +
                                  `${yesNo(c.balanceSheetOk)}`,
                              )
                              .join(' · ')}
                            {y.contributions.length > 0
                              ? ` · ${y.contributions
                                  .map(
                                    (c) => `${c.name}: ${t(`relations.${c.relation}`)} ${c.countedPercent}%`,
                                  )
                                  .join(', ')}`
                              : ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          )}
          <Paper withBorder p="md" mb="md">
            <Title order={2} size="h4">
              {t('memberships')}
            </Title>
            <List mt="xs">
              {o.memberships.map((m) => (
                <List.Item key={m.id}>
                  <Anchor component={Link} to={`/portfolio/clusters/${m.clusterId}`}>
                    {m.clusterName}
                  </Anchor>{' '}
                  — {t(`membershipTypes.${m.membershipType}`)}, {formatDate(m.validFrom)} –{' '}
                  {formatDate(m.validTo)}
                </List.Item>
              ))}
            </List>
            {o.memberships.length === 0 && <Text c="dimmed">–</Text>}
            <Title order={2} size="h4" mt="md">
              {t('projects')}
            </Title>
            <List mt="xs">
              {o.projects.map((p) => (
                <List.Item key={p.id}>
                  {p.code} {p.title} ({t(`funding:participantRoles.${p.role}`, { defaultValue: p.role })},{' '}
                  {formatDate(p.startsOn)} – {formatDate(p.endsOn)})
                </List.Item>
              ))}
            </List>
            {o.projects.length === 0 && <Text c="dimmed">–</Text>}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4">
              {t('register')}
            </Title>
            {o.register ? (
              <Stack gap={4} mt="xs">
                <Text size="sm">
                  {t('legalForm')}: {o.register.legalFormLabel ?? o.register.juridicalForm ?? '–'}
                </Text>
                <Text size="sm">
                  {t('startDate')}: {formatDate(o.register.startDate)}
                </Text>
                {o.register.officialNames.map((n, i) => (
                  <Text key={i} size="sm">
                    {n.name} ({n.language})
                  </Text>
                ))}
                {o.register.addresses.map((a, i) => (
                  <Text key={i} size="sm">
                    {a.street} {a.houseNumber}, {a.zipcode} {a.municipality}
                  </Text>
                ))}
                <List size="sm">
                  {o.register.activities.map((a, i) => (
                    <List.Item key={i}>
                      NACE {a.naceVersion} {a.naceCode} {a.description ?? ''}{' '}
                      {a.classification === 'MAIN' ? `(${t('main')})` : ''}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : (
              <Text c="dimmed" size="sm" mt="xs">
                {t('noRegister')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      {editing && <SmeYearModal organisation={o} onClose={() => setEditing(false)} />}
    </>
  );
}
