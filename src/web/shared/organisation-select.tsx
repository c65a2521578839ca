import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../app/api-client';

/** How many matches the picker shows: enough to choose from, never the whole register. */
const MATCHES = 20;

interface OrganisationOption {
  id: string;
  name: string;
}

type Props = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange'
> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/**
 * Picks an organisation by searching on the server (`/api/organisations?q=`, accent-insensitive,
 * through the trigram index) as the person types, a quarter of a second after the last key: the
 * form never loads the register, whatever its size.
 */
export function OrganisationSelect({ value, onChange, ...props }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<OrganisationOption | null>(null);
  const matches = useQuery({
    queryKey: ['organisation-search', debounced],
    queryFn: () =>
      api.getPage<OrganisationOption>(
        `/api/organisations${query({ q: debounced || undefined, pageSize: MATCHES })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const options = matches.data?.data ?? [];
  const data = [
    ...(chosen && chosen.id === value && !options.some((o) => o.id === chosen.id) ? [chosen] : []),
    ...options,
  ];
  return (
    <Select
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched (accents and case aside); the browser must not filter again.
      filter={({ options: all }) => all}
      data={data.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChange={(id) => {
        setChosen(data.find((o) => o.id === id) ?? null);
        onChange(id);
      }}
      nothingFoundMessage={matches.isFetching ? '…' : undefined}
    />
  );
}
