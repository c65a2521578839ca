import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../app/api-client';

/** How many themes a picker offers at a time: enough to choose from, never the whole taxonomy. */
const MATCHES = 20;

export type ThemeKind = 'strategic_theme' | 'transition' | 'technology_domain' | 'sector';

export interface ThemeOption {
  id: string;
  parentId: string | null;
  kind: ThemeKind;
  code: string;
  labelNl: string;
  labelEn: string;
  isExample: boolean;
}

/** A theme's label in the reader's language. */
export function themeLabel(theme: { labelNl: string; labelEn: string }, language: string): string {
  return language === 'en' ? theme.labelEn : theme.labelNl;
}

/** The given themes (one request, at most 100 ids), e.g. those a form has chosen. */
export function useThemesById(ids: readonly string[]) {
  const key = [...new Set(ids)].sort().slice(0, 100).join(',');
  return useQuery({
    queryKey: ['themes', 'ids', key],
    queryFn: () => api.getPage<ThemeOption>(`/api/themes${query({ ids: key, pageSize: 100 })}`),
    enabled: key !== '',
    placeholderData: keepPreviousData,
  });
}

interface ChoiceOptions {
  kind?: ThemeKind;
  /** Leave out themes of this kind (the portfolio's theme filter, next to its transition filter). */
  exceptKind?: ThemeKind;
  /** How an option reads; the label in the reader's language by default. */
  describe?: (theme: ThemeOption) => string;
}

/**
 * The options of a theme picker: the themes whose code or label matches what the person typed
 * (searched on the server, accents aside, a quarter of a second after the last key) plus those
 * already chosen, so their labels stay.
 */
function useThemeChoices(search: string, chosen: readonly string[], options: ChoiceOptions) {
  const { i18n } = useTranslation();
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const matches = useQuery({
    queryKey: ['themes', 'search', options.kind ?? 'all', debounced],
    queryFn: () =>
      api.getPage<ThemeOption>(
        `/api/themes${query({ q: debounced || undefined, kind: options.kind, pageSize: MATCHES })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const named = useThemesById(chosen);
  const describe = options.describe ?? ((theme: ThemeOption) => themeLabel(theme, i18n.language));
  const seen = new Set<string>();
  const themes = [...(named.data?.data ?? []), ...(matches.data?.data ?? [])].filter((theme) => {
    if (seen.has(theme.id) || (theme.kind === options.exceptKind && !chosen.includes(theme.id))) return false;
    seen.add(theme.id);
    return true;
  });
  return {
    data: themes.map((theme) => ({ value: theme.id, label: describe(theme) })),
    fetching: matches.isFetching || named.isFetching,
  };
}

type Controlled = 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange';

/** Picks one theme by searching on the server. */
export function ThemeSelect({
  value,
  onChange,
  kind,
  exceptKind,
  describe,
  ...props
}: Omit<SelectProps, Controlled> &
  ChoiceOptions & { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const choices = useThemeChoices(search, value ? [value] : [], { kind, exceptKind, describe });
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

/** Picks themes by searching on the server; the chosen ones keep their labels. */
export function ThemeMultiSelect({
  value,
  onChange,
  kind,
  exceptKind,
  describe,
  ...props
}: Omit<MultiSelectProps, Controlled> &
  ChoiceOptions & { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const choices = useThemeChoices(search, value, { kind, exceptKind, describe });
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
