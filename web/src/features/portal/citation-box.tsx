import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileZipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { accessText } from './access-panel';
import { portalPaths } from './portal-api';
import type { PortalResource } from './portal-types';

/** 引用: the GB/T 7714 text to copy, BibTeX and RIS to download. */
export function CitationBox({ resource }: { resource: PortalResource }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('portal.cite.title')} data-testid="citation-box">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        GB/T 7714-2015
      </Typography.Text>
      <Typography.Paragraph
        copyable={{ text: resource.citation.gbt7714, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ background: '#f8fafc', border: '1px solid #e5e7eb', borderRadius: 6, padding: '8px 10px', margin: '4px 0 12px', fontSize: 13 }}
        data-testid="cite-gbt7714"
      >
        {resource.citation.gbt7714}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button size="small" icon={<DownloadOutlined />} href={portalPaths.citation(resource.id, 'bibtex')} data-testid="cite-bibtex">
          BibTeX
        </Button>
        <Button size="small" icon={<DownloadOutlined />} href={portalPaths.citation(resource.id, 'ris')} data-testid="cite-ris">
          RIS
        </Button>
      </Flex>
    </Card>
  );
}

/** Machine-readable forms of the record: DataCite kernel 4 (XML, JSON) and a BagIt bag of files and metadata. */
export function ExportBox({ resource }: { resource: PortalResource }) {
  const { t, i18n } = useTranslation();
  const bagAvailable = resource.access.canDownload && resource.files !== null;
  return (
    <Card size="small" title={t('portal.export.title')} data-testid="export-box">
      <Flex gap={8} wrap>
        <Button size="small" href={portalPaths.datacite(resource.id, 'xml')} target="_blank" data-testid="export-datacite-xml">
          DataCite XML
        </Button>
        <Button size="small" href={portalPaths.datacite(resource.id, 'json')} target="_blank" data-testid="export-datacite-json">
          DataCite JSON
        </Button>
        {bagAvailable ? (
          <Button size="small" icon={<FileZipOutlined />} href={portalPaths.bag(resource.id)} data-testid="export-bag">
            {t('portal.export.bag')}
          </Button>
        ) : (
          <Tooltip title={accessText(resource, t, i18n.language)}>
            <Button size="small" icon={<FileZipOutlined />} disabled data-testid="export-bag">
              {t('portal.export.bag')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('portal.export.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
