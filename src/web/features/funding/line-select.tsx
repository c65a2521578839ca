import { ServerSelect, useServerChoices, type ServerSelectProps } from '../../shared/server-choices';
import type { Line } from './api';

/**
 * Picks a funding line by searching on the server (`/api/funding/lines?q=`, code or name, accents
 * aside); `usableFor` narrows the lines on the server, `describe` says how a line reads in the list
 * (its remaining money, its purpose).
 */
export function LineSelect({
  usableFor,
  describe,
  ...props
}: ServerSelectProps & { usableFor?: 'base_operations'; describe: (line: Line) => string }) {
  const choices = useServerChoices<Line>({
    path: '/api/funding/lines',
    queryKey: ['funding', 'lines'],
    params: { usableFor },
    chosen: props.value,
    toOption: (line) => ({ value: line.id, label: describe(line) }),
  });
  return <ServerSelect {...props} choices={choices} />;
}
