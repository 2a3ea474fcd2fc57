import { Alert, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { api } from '../../api/client';
import type { Subject } from '../registry/registry-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a /subjects/:id segment is a subject code (supervision links by code) rather than its id. */
export function isSubjectCode(segment: string): boolean {
  return segment !== '' && !UUID.test(segment);
}

/** /subjects/{code}[/tab] → /subjects/{id}[/tab]: finds the subject by its code among those the user may see. */
export function SubjectCodeRedirect({ code }: { code: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const found = useQuery({
    queryKey: ['registry', 'subject-by-code', code],
    queryFn: () =>
      api.get<{ items: Subject[] }>('/api/subjects', { q: code, page: 1, pageSize: 50 }).then((r) => r.items.find((s) => s.code === code) ?? null),
  });
  if (found.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (found.isError) return <Alert type="error" showIcon title={found.error.message} data-testid="subject-error" />;
  if (!found.data) return <Alert type="error" showIcon title={t('supervision.subjectNotFound', { code })} data-testid="subject-error" />;
  const rest = /^\/subjects\/[^/]+(\/.*)?$/.exec(location.pathname)?.[1] ?? '';
  return <Navigate to={`/subjects/${found.data.id}${rest}${location.search}`} replace />;
}
