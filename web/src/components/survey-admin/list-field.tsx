'use client';
import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import type { ListRow } from './standard-form.schema';

/** What Mantine's `form.getInputProps(path)` gives one row's text box. */
interface InputProps {
  value?: string;
  onChange?: (event: unknown) => void;
  error?: ReactNode;
}

/**
 * One component kept as a list (requirements, procedure steps …): a labelled text box per row,
 * remove buttons, "Tambah …", and for ordered lists buttons moving a step up or down.
 */
export function ListField({
  legend,
  description,
  itemLabel,
  addLabel,
  rows,
  inputProps,
  onAdd,
  onRemove,
  onMove,
  error,
  disabled,
  testId,
}: {
  legend: string;
  description?: string;
  /** The name of one row ("Persyaratan"); rows are labelled "Persyaratan 1", "Persyaratan 2" … */
  itemLabel: string;
  addLabel: string;
  rows: readonly ListRow[];
  inputProps: (index: number) => InputProps;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Given for ordered lists (the procedure). */
  onMove?: (from: number, to: number) => void;
  error?: ReactNode;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useTranslations('surveyAdmin.list');
  const errorId = useId();
  return (
    <Fieldset legend={legend} data-testid={testId} aria-describedby={error ? errorId : undefined}>
      <Stack gap="xs">
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('empty')}
          </Text>
        ) : null}
        {rows.map((row, index) => {
          const label = `${itemLabel} ${index + 1}`;
          return (
            <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
              <Textarea
                label={label}
                autosize
                minRows={1}
                maxRows={6}
                disabled={disabled}
                style={{ flex: 1, minWidth: 0 }}
                {...inputProps(index)}
              />
              <Group gap={4} mt={26} wrap="nowrap">
                {onMove ? (
                  <>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('moveUp', { item: label })}
                      disabled={disabled || index === 0}
                      onClick={() => onMove(index, index - 1)}
                    >
                      <span aria-hidden>↑</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('moveDown', { item: label })}
                      disabled={disabled || index === rows.length - 1}
                      onClick={() => onMove(index, index + 1)}
                    >
                      <span aria-hidden>↓</span>
                    </ActionIcon>
                  </>
                ) : null}
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('remove', { item: label })}
                  disabled={disabled}
                  onClick={() => onRemove(index)}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              </Group>
            </Group>
          );
        })}
        {error ? (
          <Text size="sm" c="#c92a2a" id={errorId} role="alert">
            {error}
          </Text>
        ) : null}
        <div>
          <Button variant="light" size="xs" onClick={onAdd} disabled={disabled}>
            {addLabel}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
