import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The downloads of the open data and the API documentation (no login). */
export function OpenDataLinks() {
  const { t } = useTranslation('public');
  return (
    <>
      <Text size="sm" mb="xs">
        {t('openDataIntro')}
      </Text>
      <List>
        <List.Item>
          <Anchor href="/api/public/portfolio.csv">{t('downloadCsv')}</Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/public/portfolio.json">{t('downloadJson')}</Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/public/clusters.csv">{t('downloadClustersCsv')}</Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/public/calls.csv">{t('downloadCallsCsv')}</Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/public/catalogue.jsonld">{t('catalogue')}</Anchor>
        </List.Item>
        <List.Item>
          <Anchor href="/api/docs/">{t('apiDocs')}</Anchor>
        </List.Item>
      </List>
    </>
  );
}
