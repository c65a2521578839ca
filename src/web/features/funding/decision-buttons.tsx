import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ErrorAlert } from '../../shared/error-alert';
import { useFundingMutation } from './api';

/** Accept or return (with a comment) a report or a milestone. */
export function DecisionButtons({ url }: { url: string }) {
  const { t } = useTranslation('funding');
  const [comment, setComment] = useState('');
  const decide = useFundingMutation((decision: 'accepted' | 'returned') =>
    api.send('POST', url, { decision, comment }),
  );
  return (
    <div>
      <ErrorAlert error={decide.error} />
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={t('comment')}
          placeholder={t('comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate('accepted')}>
          {t('accept')}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={decide.isPending}
          onClick={() => decide.mutate('returned')}
        >
          {t('giveBack')}
        </Button>
      </Group>
    </div>
  );
}
