import { useMemo } from 'react';
import { Alert, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../resources/resource-types';
import type { FieldNotes } from '../standards/field-notes';
import { useFieldOptions } from './review-labels';
import type { ReviewComment } from './review-types';
import { useReviewDetail } from './reviews-api';

const NONE: readonly string[] = [];

/** The open fields of a returned resource (none otherwise: only a returned resource is being corrected). */
function openFieldsOf(resource: Pick<ResourceDetail, 'status' | 'review'>): readonly string[] {
  return resource.status === 'returned' ? resource.review.openFields : NONE;
}

/** One note per open field: the unresolved comments pinned to it, oldest first; a fallback while they load. */
export function openFieldNotes(openFields: readonly string[], comments: readonly ReviewComment[], fallback: string): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const field of openFields) {
    const open = comments
      .filter((comment) => comment.field === field && !comment.parentId && !comment.resolvedAt)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    notes[field] = open.length > 0 ? open.map((comment) => comment.body).join('\n') : fallback;
  }
  return notes;
}

/** The reviewers' open comments on a returned resource's fields, for the description form to show on the fields. */
export function useOpenFieldNotes(resource: ResourceDetail): FieldNotes | undefined {
  const { t } = useTranslation();
  const openFields = openFieldsOf(resource);
  const review = useReviewDetail(resource.id, openFields.length > 0);
  const comments = review.data?.comments;
  const fallback = t('reviews.returned.fieldFallback');
  return useMemo(
    () => (openFields.length > 0 ? openFieldNotes(openFields, comments ?? [], fallback) : undefined),
    [openFields, comments, fallback],
  );
}

/** Above the form of a returned resource: which fields the reviewers want changed (a click scrolls to the field). */
export function OpenFieldsAlert({ resource }: { resource: ResourceDetail }) {
  const { t } = useTranslation();
  const { labelOf } = useFieldOptions(resource);
  const openFields = openFieldsOf(resource);
  if (openFields.length === 0) return null;
  const goTo = (field: string) => document.getElementById(`root_${field}`)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="open-fields-alert"
      title={t('reviews.returned.fields', { count: openFields.length })}
      description={
        <Flex gap={6} wrap>
          {openFields.map((field) => (
            <Tag key={field} color="error" style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => goTo(field)} data-testid={`open-field-${field}`}>
              {labelOf(field)}
            </Tag>
          ))}
        </Flex>
      }
    />
  );
}
