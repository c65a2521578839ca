import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../app/api-client';
import type { Line } from './api';

/** How many lines the picker offers at a time: enough to choose from, never every line. */
const MATCHES = 20;

type Controlled = 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange';

/**
 * Picks a funding line by searching on the server (`/api/funding/lines?q=`, code or name, accents
 * aside) a quarter of a second after the last key; `usableFor` narrows the lines on the server,
 * `describe` says how a line reads in the list (its remaining money, its purpose).
 */
export function LineSelect({
  value,
  onChange,
  usableFor,
  describe,
  ...props
}: Omit<SelectProps, Controlled> & {
  value: string | null;
  onChange: (id: string | null) => void;
  usableFor?: 'base_operations';
  describe: (line: Line) => string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<Line | null>(null);
  const matches = useQuery({
    queryKey: ['funding', 'lines', 'search', usableFor ?? 'all', debounced],
    queryFn: () =>
      api.getPage<Line>(
        `/api/funding/lines${query({ q: debounced || undefined, usableFor, pageSize: MATCHES })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const found = matches.data?.data ?? [];
  const lines = [
    ...(chosen && chosen.id === value && !found.some((l) => l.id === chosen.id) ? [chosen] : []),
    ...found,
  ];
  return (
    <Select
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched (accents and case aside); the browser must not filter again.
      filter={({ options }) => options}
      data={lines.map((l) => ({ value: l.id, label: describe(l) }))}
      value={value}
      onChange={(id) => {
        setChosen(lines.find((l) => l.id === id) ?? null);
        onChange(id);
      }}
      nothingFoundMessage={matches.isFetching ? t('loading') : t('noMatches')}
    />
  );
}
