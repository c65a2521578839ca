import { Group, TextInput } from '@mantine/core';

/** A required start and end date side by side (ISO dates from the browser's date inputs). */
export function DateRangeFields({
  startLabel,
  endLabel,
  start,
  end,
  onStart,
  onEnd,
}: {
  startLabel: string;
  endLabel: string;
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
}) {
  return (
    <Group grow>
      <TextInput
        type="date"
        label={startLabel}
        required
        value={start}
        onChange={(e) => onStart(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={endLabel}
        required
        value={end}
        onChange={(e) => onEnd(e.currentTarget.value)}
      />
    </Group>
  );
}
