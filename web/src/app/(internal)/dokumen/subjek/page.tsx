import { redirect } from 'next/navigation';
import { requirePage } from '@/auth/page-guard';
import { subjectHref } from '@/documents/links';
import { single, type SearchParams } from '@/navigation/search-params';

/** Target of the "open a subject" form: /dokumen/subjek?jenis=…&id=… → the subject's page. */
export default async function SubjectLookupPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePage('/dokumen');
  const params = await searchParams;
  const type = single(params.jenis)?.trim();
  const id = single(params.id)?.trim();
  redirect(type && id ? subjectHref({ type, id }) : '/dokumen');
}
