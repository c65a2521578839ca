import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../app/api-client';
import { useTranslation } from 'react-i18next';

/** How many matches a picker shows: enough to choose from, never every cluster of Europe. */
const MATCHES = 20;

export interface ClusterOption {
  id: string;
  name: string;
  shortName: string;
}

/** The names of the given clusters (one request, at most 100 ids), e.g. those a form has chosen. */
export function useClusterNames(ids: readonly string[]) {
  const key = [...new Set(ids)].sort().slice(0, 100).join(',');
  return useQuery({
    queryKey: ['lookups', 'clusters', 'ids', key],
    queryFn: () => api.getPage<ClusterOption>(`/api/lookups/clusters${query({ ids: key, pageSize: 100 })}`),
    enabled: key !== '',
    placeholderData: keepPreviousData,
  });
}

/**
 * The options of a cluster picker: the clusters whose name matches what the person typed (searched
 * on the server a quarter of a second after the last key) plus those already chosen; with `only`,
 * just those clusters (a manager's own).
 */
function useClusterChoices(search: string, chosen: readonly string[], only?: readonly string[]) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const matches = useQuery({
    queryKey: ['lookups', 'clusters', 'search', debounced],
    queryFn: () =>
      api.getPage<ClusterOption>(
        `/api/lookups/clusters${query({ q: debounced || undefined, pageSize: MATCHES })}`,
      ),
    placeholderData: keepPreviousData,
    enabled: only === undefined,
  });
  const named = useClusterNames(only ?? chosen);
  const seen = new Set<string>();
  const options = [...(named.data?.data ?? []), ...(only ? [] : (matches.data?.data ?? []))].filter((o) => {
    if (seen.has(o.id)) return false;
    seen.add(o.id);
    return true;
  });
  const folded = debounced.toLowerCase();
  return {
    data: options
      .filter((o) => !only || !folded || `${o.name} ${o.shortName}`.toLowerCase().includes(folded))
      .map((o) => ({ value: o.id, label: o.name })),
    fetching: matches.isFetching || named.isFetching,
  };
}

type Controlled = 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange';

/** Picks one cluster by searching on the server; `only` limits the choice to those clusters. */
export function ClusterSelect({
  value,
  onChange,
  only,
  ...props
}: Omit<SelectProps, Controlled> & {
  value: string | null;
  onChange: (id: string | null) => void;
  only?: readonly string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const choices = useClusterChoices(search, value ? [value] : [], only);
  return (
    <Select
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched; the browser must not filter again.
      filter={({ options }) => options}
      data={choices.data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={choices.fetching ? t('loading') : t('noMatches')}
    />
  );
}

/** Picks clusters by searching on the server; the chosen ones keep their names. */
export function ClusterMultiSelect({
  value,
  onChange,
  ...props
}: Omit<MultiSelectProps, Controlled> & { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const choices = useClusterChoices(search, value);
  return (
    <MultiSelect
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={choices.data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={choices.fetching ? t('loading') : t('noMatches')}
    />
  );
}
