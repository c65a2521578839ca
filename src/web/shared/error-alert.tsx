import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';
import { textOf } from '../../shared/text-of';

/** Shows a catalogued error in the user's language, with the fields it concerns. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const language = i18n.language === 'en' ? 'en' : 'nl';
  if (error instanceof ApiError) {
    return (
      <Alert color="red" title={error.localised[language]} role="alert">
        {error.details.length > 0 && (
          <List size="sm">
            {error.details.map((d, i) => (
              <List.Item key={`${d.path}-${i}`}>
                <Text span fw={600}>
                  {d.path}
                </Text>
                : {d.message[language]}
              </List.Item>
            ))}
          </List>
        )}
        {error.requestId && (
          <Text size="xs" c="dimmed">
            {t('requestId')}: {error.requestId}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t('error')} role="alert">
      {textOf(error)}
    </Alert>
  );
}
