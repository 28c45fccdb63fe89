'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { isRole } from '@/auth/roles';
import type { DataSetClassification } from '@/gql/graphql';
import { errorMessage } from '@/graphql/error-message';
import { getClient } from '@/graphql/server-client';
import { UpdateDataSetMutation } from './open-data-operations';

export interface AccessFormState {
  status: 'idle' | 'saved' | 'error';
  message: string | null;
}

const CLASSIFICATIONS: readonly DataSetClassification[] = ['TERBUKA', 'INTERNAL', 'TERBATAS'];

const texts = (formData: FormData, name: string) =>
  formData
    .getAll(name)
    .flatMap((value) => (typeof value === 'string' && value.trim() ? [value.trim()] : []));

/**
 * Saves a data set's classification, readers, frequency and description as the signed-in user
 * (super-admin, or the walidata's admin-opd: the service decides and refuses everyone else).
 */
export async function updateDataSetAccess(
  _previous: AccessFormState,
  formData: FormData,
): Promise<AccessFormState> {
  const t = await getTranslations('openData.access');
  const id = String(formData.get('id') ?? '');
  const classification = String(formData.get('classification') ?? '') as DataSetClassification;
  if (!id || !CLASSIFICATIONS.includes(classification)) {
    return { status: 'error', message: t('invalid') };
  }
  const result = await getClient().mutation(UpdateDataSetMutation, {
    id,
    input: {
      classification,
      description: String(formData.get('description') ?? '').trim() || undefined,
      updateFrequency: String(formData.get('updateFrequency') ?? '').trim() || undefined,
      readerRoles: texts(formData, 'readerRoles').filter(isRole),
      readerOrganizations: texts(formData, 'readerOrganizations'),
    },
  });
  if (!result.data?.updateDataSet) return { status: 'error', message: errorMessage(result.error) };
  revalidatePath(`/data-terbuka/${encodeURIComponent(id)}`);
  revalidatePath('/data-terbuka');
  return { status: 'saved', message: t('saved') };
}
