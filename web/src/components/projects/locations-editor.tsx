'use client';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@urql/next';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { LocationFields } from './location-fields';
import { serverFormErrors } from './project-errors';
import { SetProjectLocationsMutation } from './project-operations';
import {
  EMPTY_LOCATION,
  locationFormValues,
  locationsSchema,
  type LocationFormValues,
} from './project-locations.schema';

interface Props {
  projectId: string;
  locations: readonly {
    latitude: number;
    longitude: number;
    address: string;
    administrativeArea: string;
    outline?: readonly { lng: number; lat: number }[] | null;
  }[];
}

/** Replaces all of a project's locations at once (`setProjectLocations`). */
export function LocationsEditor({ projectId, locations }: Props) {
  const t = useTranslations('projects.locations');
  const validation = useTranslations('projects.validation');
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [, setLocations] = useMutation(SetProjectLocationsMutation);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const schema = locationsSchema((key) => validation(key as 'required'));
  const form = useForm<{ locations: LocationFormValues[] }>({
    mode: 'controlled',
    initialValues: { locations: locations.map(locationFormValues) },
    validate: schemaResolver(schema, { sync: true }),
  });

  async function submit(values: { locations: LocationFormValues[] }) {
    const parsed = schema.parse(values);
    setSaving(true);
    setServerError(null);
    const result = await setLocations({ projectId, locations: parsed.locations });
    setSaving(false);
    const errors = serverFormErrors(result.error);
    if (result.error) {
      form.setErrors(errors.fields);
      setServerError(
        errors.general ?? (Object.keys(errors.fields).length ? t('checkFields') : null),
      );
      return;
    }
    form.resetDirty();
    notifications.show({ color: 'green', message: t('saved') });
    startTransition(() => router.refresh());
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="sm">
        {serverError ? (
          <Alert color="red" variant="light" role="alert">
            {serverError}
          </Alert>
        ) : null}
        <LocationFields
          locations={form.values.locations}
          inputProps={(path) => form.getInputProps(path)}
          onAdd={() => form.insertListItem('locations', { ...EMPTY_LOCATION })}
          onRemove={(index) => form.removeListItem('locations', index)}
          error={form.errors.locations}
          disabled={saving}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
