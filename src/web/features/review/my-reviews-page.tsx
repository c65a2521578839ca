import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { api } from '../../app/api-client';
import { DataTable } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeader } from '../../shared/page-header';
import { useInvitations, useMyAssignments, useReviewMutation, type MyAssignment } from './api';
import { MyProfileCard } from './experts-page';
import { pickText } from '../../app/language';

export function MyReviewsPage() {
  const { t, i18n } = useTranslation('review');
  const invitations = useInvitations();
  const assignments = useMyAssignments();
  const [agreed, setAgreed] = useState<Record<string, boolean>>({});
  const answer = useReviewMutation((body: { callId: string; accept: boolean; acceptDeclaration: boolean }) =>
    api.post(`/api/review/my/invitations/${body.callId}`, {
      accept: body.accept,
      acceptDeclaration: body.acceptDeclaration,
    }),
  );
  const declaration = invitations.data?.data.declaration;
  const columns: ColumnDef<MyAssignment>[] = [
    {
      accessorKey: 'reference',
      header: t('reference'),
      cell: (c) => (
        <Anchor component={Link} to={`/review/proposals/${c.row.original.proposalId}`}>
          {c.getValue() as string}
        </Anchor>
      ),
    },
    { accessorKey: 'title', header: t('title') },
    { accessorKey: 'callCode', header: t('code') },
    {
      accessorKey: 'reviewStatus',
      header: t('status'),
      cell: (c) => t(`reviewStatus.${c.getValue() as string}`),
    },
    {
      accessorKey: 'isRapporteur',
      header: t('rapporteur'),
      cell: (c) => (c.getValue() ? <Badge>{t('rapporteur')}</Badge> : ''),
    },
  ];
  return (
    <>
      <PageHeader title={t('myTitle')} description={t('myIntro')} />
      <ErrorAlert error={invitations.error ?? assignments.error ?? answer.error} />
      <Stack mb="lg">
        <Title order={2} size="h4">
          {t('invitations')}
        </Title>
        {(invitations.data?.data.invitations ?? []).map((inv) => (
          <Card key={inv.callId} withBorder data-testid="invitation">
            <Group justify="space-between">
              <Text fw={600}>
                {inv.code} · {inv.title}
              </Text>
              <Badge color={inv.declarationAcceptedAt ? 'green' : 'yellow'}>
                {inv.declarationAcceptedAt ? t('accepted') : t('notAccepted')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('assignedCount', { count: inv.assigned })}
            </Text>
            {!inv.declarationAcceptedAt && declaration && (
              <Stack gap="xs" mt="sm">
                <Text size="sm">{pickText(i18n.language, declaration.nl, declaration.en)}</Text>
                <Checkbox
                  label={t('acceptDeclaration')}
                  checked={agreed[inv.callId] ?? false}
                  onChange={(e) => setAgreed({ ...agreed, [inv.callId]: e.currentTarget.checked })}
                />
                <Group>
                  <Button
                    disabled={!agreed[inv.callId]}
                    onClick={() =>
                      answer.mutate({ callId: inv.callId, accept: true, acceptDeclaration: true })
                    }
                  >
                    {t('accept')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      answer.mutate({ callId: inv.callId, accept: false, acceptDeclaration: false })
                    }
                  >
                    {t('decline')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
      <Title order={2} size="h4" mb="sm">
        {t('toReview')}
      </Title>
      <DataTable data={assignments.data?.data ?? []} serverPage={assignments.serverPage} columns={columns} />
      <Title order={2} size="h4" mt="lg" mb="sm">
        {t('myProfile')}
      </Title>
      <MyProfileCard />
    </>
  );
}
