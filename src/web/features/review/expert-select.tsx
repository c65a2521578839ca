import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../app/api-client';
import type { ExpertPoolEntry } from '../../../shared/expert-pool';

/** How many experts the picker offers at a time: enough to choose from, never the whole pool. */
const MATCHES = 20;

type Controlled = 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange';

/**
 * Picks experts from the pool by searching on the server (`/api/review/experts?q=`, name, e-mail or
 * headline, accents aside) a quarter of a second after the last key; the chosen ones keep their
 * names while the person searches on. `exclude` leaves out experts already on the call.
 */
export function ExpertMultiSelect({
  value,
  onChange,
  exclude,
  ...props
}: Omit<MultiSelectProps, Controlled> & {
  value: string[];
  onChange: (ids: string[]) => void;
  exclude?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [names, setNames] = useState<Record<string, string>>({});
  const matches = useQuery({
    queryKey: ['review', 'pool', 'search', debounced],
    queryFn: () =>
      api.getPage<ExpertPoolEntry>(
        `/api/review/experts${query({ q: debounced || undefined, pageSize: MATCHES })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const found = (matches.data?.data ?? []).filter((e) => !exclude?.has(e.userId));
  const data = [
    ...value
      .filter((id) => !found.some((e) => e.userId === id))
      .map((id) => ({ value: id, label: names[id] ?? id })),
    ...found.map((e) => ({ value: e.userId, label: e.name })),
  ];
  return (
    <MultiSelect
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched (accents and case aside); the browser must not filter again.
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(ids) => {
        setNames((known) => ({
          ...known,
          ...Object.fromEntries(found.filter((e) => ids.includes(e.userId)).map((e) => [e.userId, e.name])),
        }));
        onChange(ids);
      }}
      nothingFoundMessage={matches.isFetching ? t('loading') : t('noMatches')}
    />
  );
}
