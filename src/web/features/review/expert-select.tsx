import type { ExpertPoolEntry } from '../../../shared/expert-pool';
import {
  ServerMultiSelect,
  useServerChoices,
  type ServerMultiSelectProps,
} from '../../shared/server-choices';

/**
 * Picks experts from the pool by searching on the server (`/api/review/experts?q=`, name, e-mail or
 * headline, accents aside); the chosen ones keep their names while the person searches on.
 * `exclude` leaves out experts already on the call.
 */
export function ExpertMultiSelect({
  exclude,
  ...props
}: ServerMultiSelectProps & { exclude?: ReadonlySet<string> }) {
  const choices = useServerChoices<ExpertPoolEntry>({
    path: '/api/review/experts',
    queryKey: ['review', 'pool'],
    chosen: props.value,
    toOption: (expert) => ({ value: expert.userId, label: expert.name }),
    offer: (expert) => !exclude?.has(expert.userId),
  });
  return <ServerMultiSelect {...props} choices={choices} />;
}
