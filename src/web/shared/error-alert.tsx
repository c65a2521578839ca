import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';
import { textOf } from '../../shared/text-of';
import { describeField, detailMessage } from './field-errors';
import { languageOf } from '../app/language';

/**
 * Shows a catalogued error in the user's language, with the fields it concerns in words
 * ("Ondernemingsnummer van partner 3: 10 cijfers"), never as JSON paths. `fieldNames` gives words
 * for keys only the form knows (criterion or question codes).
 */
export function ErrorAlert({ error, fieldNames }: { error: unknown; fieldNames?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const language = languageOf(i18n.language);
  if (error instanceof ApiError) {
    return (
      <Alert color="red" title={error.localised[language]} role="alert">
        {error.details.length > 0 && (
          <List size="sm">
            {error.details.map((d, i) => (
              <List.Item key={`${d.path}-${i}`}>
                <Text span fw={600}>
                  {describeField(d.path, language, fieldNames)}
                </Text>
                : {detailMessage(d, language)}
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
