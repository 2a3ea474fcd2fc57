import { useMemo } from 'react';
import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { OpenFieldsAlert, useOpenFieldNotes } from '../reviews/open-fields';
import { buildFormModel } from '../standards/form-schema';
import { StandardForm } from '../standards/standard-form';
import { useStandardVersion } from '../standards/standards-api';
import { ValidationResultAlert } from '../standards/validation-result';
import type { ResourceDetail } from './resource-types';
import type { ResourceDraft } from './use-resource-draft';

/** The description of a resource: the standard's form for its type, with the server's problems on the fields. */
export function ResourceForm({ resource, draft }: { resource: ResourceDetail; draft: ResourceDraft }) {
  const { t } = useTranslation();
  const version = useStandardVersion(resource.standardVersionId);
  const document = version.data?.document;
  const notes = useOpenFieldNotes(resource);
  const singleControlArrays = useMemo(
    () => (document?.resourceTypes[resource.resourceType] ? buildFormModel(document, resource.resourceType, 'zh-CN').singleControlArrays : []),
    [document, resource.resourceType],
  );

  if (version.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (version.isError) return <Alert type="error" showIcon title={version.error.message} />;
  if (!document?.resourceTypes[resource.resourceType]) {
    return <Alert type="error" showIcon title={t('resources.editor.typeMissing', { type: resource.resourceType, version: resource.standardVersion })} />;
  }

  return (
    <div data-testid="resource-form" style={{ scrollMarginTop: 80 }}>
      <OpenFieldsAlert resource={resource} />
      {draft.refused && draft.refused.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <ValidationResultAlert result={{ valid: false, errors: draft.refused }} singleControlArrays={singleControlArrays} />
        </div>
      )}
      <StandardForm
        document={document}
        type={resource.resourceType}
        value={draft.value}
        onChange={draft.onChange}
        serverErrors={draft.problems.onFields}
        disabled={!resource.editable}
        notes={notes}
      />
    </div>
  );
}
