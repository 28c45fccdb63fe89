'use client';
import {
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { INDONESIA, type LocationFormValues } from './project-locations.schema';

interface Props {
  locations: readonly LocationFormValues[];
  /** Mantine form's `getInputProps` for a path such as `locations.0.latitude`. */
  inputProps: (path: string) => GetInputPropsReturnType;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Error of the list as a whole (e.g. too many). */
  error?: ReactNode;
  disabled?: boolean;
}

/**
 * Points of a project: latitude and longitude (checked against Indonesia's extent), address,
 * administrative area and an optional outline typed as `lng,lat` lines.
 */
export function LocationFields({ locations, inputProps, onAdd, onRemove, error, disabled }: Props) {
  const t = useTranslations('projects.locations');
  const range = t('coordinateRange', {
    minLat: INDONESIA.minLat,
    maxLat: INDONESIA.maxLat,
    minLng: INDONESIA.minLng,
    maxLng: INDONESIA.maxLng,
  });
  return (
    <Stack gap="sm">
      {locations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      ) : null}
      {locations.map((_, index) => (
        <Card
          key={index}
          withBorder
          padding="sm"
          component="fieldset"
          aria-labelledby={`lokasi-${index}`}
          style={{ margin: 0 }}
        >
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5" id={`lokasi-${index}`}>
              {t('point', { number: index + 1 })}
            </Title>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red.8"
              onClick={() => onRemove(index)}
              disabled={disabled}
              aria-label={t('removeLabel', { number: index + 1 })}
            >
              {t('remove')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('latitude')}
              description={index === 0 ? range : undefined}
              inputMode="decimal"
              required
              disabled={disabled}
              placeholder="-1.6101"
              {...inputProps(`locations.${index}.latitude`)}
            />
            <TextInput
              label={t('longitude')}
              inputMode="decimal"
              required
              disabled={disabled}
              placeholder="103.6131"
              {...inputProps(`locations.${index}.longitude`)}
            />
            <TextInput
              label={t('address')}
              required
              disabled={disabled}
              maxLength={500}
              {...inputProps(`locations.${index}.address`)}
            />
            <TextInput
              label={t('administrativeArea')}
              description={t('administrativeAreaHint')}
              required
              disabled={disabled}
              maxLength={200}
              {...inputProps(`locations.${index}.administrativeArea`)}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('outline')}
            description={t('outlineHint')}
            autosize
            minRows={2}
            maxRows={8}
            disabled={disabled}
            styles={{ input: { fontFamily: 'monospace' } }}
            placeholder={'103.6010,-1.6050\n103.6080,-1.6050\n103.6080,-1.6120'}
            {...inputProps(`locations.${index}.outline`)}
          />
        </Card>
      ))}
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={onAdd}
          disabled={disabled || locations.length >= 50}
        >
          {t('add')}
        </Button>
      </Group>
    </Stack>
  );
}
