import { ServerSelect, useServerChoices, type ServerSelectProps } from './server-choices';

interface OrganisationOption {
  id: string;
  name: string;
}

/**
 * Picks an organisation by searching on the server (`/api/organisations?q=`, accent-insensitive,
 * through the trigram index) as the person types: the form never loads the register, whatever its
 * size. `known` are organisations the form has already (its initial value), so they keep their name.
 */
export function OrganisationSelect({
  known,
  ...props
}: ServerSelectProps & { known?: readonly OrganisationOption[] }) {
  const choices = useServerChoices<OrganisationOption>({
    path: '/api/organisations',
    queryKey: ['portfolio', 'organisations'],
    chosen: props.value,
    toOption: (organisation) => ({ value: organisation.id, label: organisation.name }),
    known,
  });
  return <ServerSelect {...props} choices={choices} />;
}
