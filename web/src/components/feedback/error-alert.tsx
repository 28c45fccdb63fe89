import { Alert } from '@mantine/core';

/** A failed request, in words a user can act on (already translated from the error code). */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="Terjadi kendala">
      {message}
    </Alert>
  );
}
