import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { templateUrl } from './standards-api';

/** Downloads the Excel template of one resource type (a plain link: the browser saves the file). */
export function TemplateLink({ versionId, type, label }: { versionId: string; type: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={templateUrl(versionId, type)} download data-testid={`template-${type}`}>
      {label ?? t('standards.template.download')}
    </Button>
  );
}
