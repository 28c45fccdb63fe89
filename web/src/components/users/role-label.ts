import { useTranslations } from 'next-intl';
import { isRole } from '@/auth/roles';

/** Translated role names, falling back to the raw name for roles this portal does not know. */
export function useRoleLabel(): (role: string) => string {
  const t = useTranslations('role');
  return (role) => (isRole(role) ? t(role) : role);
}
