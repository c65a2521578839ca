import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

/**
 * The one dialog with a form: the catalogued error above the fields, Cancel and a submit button
 * (Save unless named) below; Enter submits. `onSubmit` runs without the browser's own submit.
 */
export function FormModal({
  title,
  opened,
  onClose,
  onSubmit,
  pending,
  error,
  submitLabel,
  size = 'lg',
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  submitLabel?: string;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const { t: tc } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel ?? tc('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
