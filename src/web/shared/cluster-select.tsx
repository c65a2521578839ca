import {
  ServerMultiSelect,
  ServerSelect,
  useChosenById,
  useServerChoices,
  type ServerMultiSelectProps,
  type ServerSelectProps,
} from './server-choices';

export interface ClusterOption {
  id: string;
  name: string;
  shortName: string;
}

const PATH = '/api/lookups/clusters';
const KEY = ['lookups', 'clusters'];

/** The names of the given clusters (one request, at most 100 ids), e.g. those a form has chosen. */
export function useClusterNames(ids: readonly string[]) {
  return useChosenById<ClusterOption>(KEY, PATH, ids);
}

const toOption = (cluster: ClusterOption) => ({ value: cluster.id, label: cluster.name });

/**
 * Picks one cluster by searching on the server on its name; `only` limits the choice to those
 * clusters (a manager's own), matched in the browser on name and short name.
 */
export function ClusterSelect({ only, ...props }: ServerSelectProps & { only?: readonly string[] }) {
  const choices = useServerChoices<ClusterOption>({
    path: PATH,
    queryKey: KEY,
    chosen: props.value,
    toOption,
    byIds: true,
    only: only && {
      ids: only,
      matches: (cluster, folded) => `${cluster.name} ${cluster.shortName}`.toLowerCase().includes(folded),
    },
  });
  return <ServerSelect {...props} choices={choices} />;
}

/** Picks clusters by searching on the server; the chosen ones keep their names. */
export function ClusterMultiSelect(props: ServerMultiSelectProps) {
  const choices = useServerChoices({ path: PATH, queryKey: KEY, chosen: props.value, toOption, byIds: true });
  return <ServerMultiSelect {...props} choices={choices} />;
}
