import {
  MultiSelect,
  Select,
  type ComboboxItem,
  type OptionsFilter,
  type MultiSelectProps,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../app/api-client';

/** How many matches a picker offers at a time: enough to choose from, never a whole register. */
const MATCHES = 20;

type Params = Record<string, string | number | boolean | undefined | null>;

/**
 * The given items of a list route that takes `ids` (one request, at most 100 ids), e.g. those a
 * form has chosen; cached under `[...key, 'ids', …]`.
 */
export function useChosenById<T>(key: QueryKey, path: string, ids: readonly string[]) {
  const joined = [...new Set(ids)].sort().slice(0, 100).join(',');
  return useQuery({
    queryKey: [...key, 'ids', joined],
    queryFn: () => api.getPage<T>(`${path}${query({ ids: joined, pageSize: 100 })}`),
    enabled: joined !== '',
    placeholderData: keepPreviousData,
  });
}

interface ServerChoicesOptions<T> {
  /** The list route, e.g. `/api/organisations`; it answers a page and takes `q` and `pageSize`. */
  path: string;
  /** Where the answers are cached, e.g. `['lookups', 'clusters']`. */
  queryKey: QueryKey;
  /** More filters for the route, e.g. `{ kind }`. */
  params?: Params;
  /** What the field holds now: these come first and keep their labels, whatever the person searches. */
  chosen: string | null | readonly string[];
  /** How an item reads as an option; its `value` is the item's id. */
  toOption: (item: T) => ComboboxItem;
  /** Which matches to offer (the chosen ones are offered always). */
  offer?: (item: T) => boolean;
  /**
   * The route takes `ids`: the chosen ones are read by id, so a value the form starts with has its
   * label. Without it the picker remembers the items as they are chosen (and `known`).
   */
  byIds?: boolean;
  /** Items the form knows already, e.g. its initial value with its name. */
  known?: readonly T[];
  /**
   * Offer just these ids (read by id, so with `byIds`), matched in the browser by `matches` instead
   * of on the server: a short, fixed list such as a manager's own clusters.
   */
  only?: { ids: readonly string[]; matches: (item: T, folded: string) => boolean };
}

/**
 * The options of a picker that searches on the server: what the person typed goes to the list route
 * as `q` a quarter of a second after the last key, and the options are the chosen items first, then
 * the matches. Give the result to `ServerSelect` or `ServerMultiSelect`.
 */
export function useServerChoices<T>(options: ServerChoicesOptions<T>) {
  const { path, queryKey, params = {}, toOption, offer, only } = options;
  const chosen =
    options.chosen === null ? [] : typeof options.chosen === 'string' ? [options.chosen] : options.chosen;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [remembered, setRemembered] = useState<readonly T[]>([]);
  const matches = useQuery({
    queryKey: [...queryKey, 'search', params, debounced],
    queryFn: () =>
      api.getPage<T>(`${path}${query({ ...params, q: debounced || undefined, pageSize: MATCHES })}`),
    placeholderData: keepPreviousData,
    enabled: only === undefined,
  });
  const byId = useChosenById<T>(queryKey, path, options.byIds ? (only?.ids ?? chosen) : []);
  const found = only ? [] : (matches.data?.data ?? []);
  const items = new Map<string, T>();
  for (const item of [...(options.known ?? []), ...remembered, ...(byId.data?.data ?? []), ...found])
    items.set(toOption(item).value, item);
  const first = (only?.ids ?? chosen).flatMap((id) => {
    const item = items.get(id);
    return item === undefined ? [] : [item];
  });
  const firstIds = new Set(first.map((item) => toOption(item).value));
  const rest = found.filter((item) => !firstIds.has(toOption(item).value) && (offer?.(item) ?? true));
  const folded = debounced.toLowerCase();
  const offered = [...first, ...rest].filter((item) => !only || !folded || only.matches(item, folded));
  return {
    data: offered.map(toOption),
    fetching: matches.isFetching || byId.isFetching,
    search,
    setSearch,
    /** Keeps the items of these ids, so they keep their labels when the next search no longer finds them. */
    remember: (ids: readonly string[]) =>
      setRemembered(offered.filter((item) => ids.includes(toOption(item).value))),
  };
}

type ServerChoices = ReturnType<typeof useServerChoices>;

type Controlled =
  | 'data'
  | 'value'
  | 'onChange'
  | 'searchable'
  | 'searchValue'
  | 'onSearchChange'
  | 'filter'
  | 'nothingFoundMessage';

/** The props of a picker of one item built on `ServerSelect`. */
export type ServerSelectProps = Omit<SelectProps, Controlled> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/** The props of a picker of several items built on `ServerMultiSelect`. */
export type ServerMultiSelectProps = Omit<MultiSelectProps, Controlled> & {
  value: string[];
  onChange: (ids: string[]) => void;
};

/** What a Select and a MultiSelect of `useServerChoices` share: searched on the server. */
function useSearchProps(choices: ServerChoices) {
  const { t } = useTranslation();
  return {
    searchable: true,
    searchValue: choices.search,
    onSearchChange: choices.setSearch,
    // The server already matched (accents and case aside); the browser must not filter again.
    filter: (({ options }) => options) satisfies OptionsFilter,
    data: choices.data,
    nothingFoundMessage: choices.fetching ? t('loading') : t('noMatches'),
  };
}

/** Picks one item of `useServerChoices`. */
export function ServerSelect({
  choices,
  onChange,
  ...props
}: ServerSelectProps & { choices: ServerChoices }) {
  return (
    <Select
      {...props}
      {...useSearchProps(choices)}
      onChange={(id) => {
        choices.remember(id === null ? [] : [id]);
        onChange(id);
      }}
    />
  );
}

/** Picks several items of `useServerChoices`. */
export function ServerMultiSelect({
  choices,
  onChange,
  ...props
}: ServerMultiSelectProps & { choices: ServerChoices }) {
  return (
    <MultiSelect
      {...props}
      {...useSearchProps(choices)}
      onChange={(ids) => {
        choices.remember(ids);
        onChange(ids);
      }}
    />
  );
}
