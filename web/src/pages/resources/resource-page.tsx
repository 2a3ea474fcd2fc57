import { Alert, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ResourceWorkspace } from '../../features/resources/resource-workspace';
import { useResource } from '../../features/resources/resources-api';

/** /resources/:id — describe a resource, upload its files, record physical deposits, submit it for review. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const resource = useResource(id);
  if (resource.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (resource.isError) return <Alert type="error" showIcon title={resource.error.message} data-testid="resource-error" />;
  // Another resource is another draft: the editor starts afresh.
  return <ResourceWorkspace key={resource.data.id} resource={resource.data} />;
}
