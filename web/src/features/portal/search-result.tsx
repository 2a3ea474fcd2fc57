import { Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../registry/dates';
import { localLabel } from '../standards/standard-types';
import { formatCount, SHARING_MODE_COLOURS, sharingModeName } from './portal-labels';
import type { SearchItem } from './portal-types';
import { Snippet } from './snippet';

const dot = <Typography.Text type="secondary">·</Typography.Text>;

/** One hit: type and sharing mode, the title linking to the landing page, the highlighted snippet, where it comes from, its CSTR and use. */
export function SearchResult({ item }: { item: SearchItem }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const secondTitle = language === 'en' ? item.titleZh : item.titleEn;
  const firstTitle = language === 'en' && item.titleEn ? item.titleEn : item.titleZh;
  return (
    <article data-testid={`result-${item.id}`} style={{ padding: '16px 0', borderBottom: '1px solid #eef0f4' }}>
      <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="result-type">
          {localLabel(item.typeLabel, language)}
        </Tag>
        <Tag color={SHARING_MODE_COLOURS[item.sharingMode]} style={{ marginInlineEnd: 0 }} data-testid="result-sharing">
          {sharingModeName(item.sharingMode, t)}
        </Tag>
      </Flex>
      <Link to={`/r/${encodeURIComponent(item.id)}`} style={{ fontSize: 17, fontWeight: 600 }} data-testid="result-title">
        {firstTitle}
      </Link>
      {secondTitle && secondTitle !== firstTitle && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {secondTitle}
        </Typography.Text>
      )}
      {item.snippet && (
        <Typography.Paragraph style={{ margin: '6px 0', color: '#374151' }} ellipsis={false}>
          <Snippet snippet={item.snippet} data-testid="result-snippet" />
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap align="center" style={{ fontSize: 13 }}>
        <Typography.Text type="secondary">{localLabel(item.platform.name, language)}</Typography.Text>
        {dot}
        <Typography.Text type="secondary">{item.unit.name}</Typography.Text>
        {dot}
        <Typography.Text type="secondary">{localLabel(item.province.name, language)}</Typography.Text>
        {dot}
        <Typography.Text type="secondary">{item.year}</Typography.Text>
        {dot}
        <Typography.Text type="secondary">{t('portal.search.releasedOn', { date: formatDay(item.releasedAt, language) })}</Typography.Text>
      </Flex>
      <Flex gap={16} wrap align="center" style={{ marginTop: 6, fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="result-cstr">
          {item.cstr}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="result-usage">
          <EyeOutlined /> {t('portal.usage.viewsN', { n: formatCount(item.usage.views, language) })}
          <span style={{ marginInlineStart: 12 }}>
            <DownloadOutlined /> {t('portal.usage.downloadsN', { n: formatCount(item.usage.downloads, language) })}
          </span>
        </Typography.Text>
      </Flex>
    </article>
  );
}
