import { useEffect, useMemo, useState } from 'react';
import { Collapse, Empty, Flex, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localLabel, type StandardDocument, type VocabularyTerm } from './standard-types';

function matches(text: string, query: string): boolean {
  return text.toLowerCase().includes(query);
}

/** The controlled vocabularies of a standard with their terms; a search narrows both. */
export function VocabularyList({ document, focus }: { document: StandardDocument; focus?: string | null }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string[]>(focus ? [focus] : []);

  useEffect(() => {
    if (!focus) return;
    setOpen((keys) => (keys.includes(focus) ? keys : [...keys, focus]));
    const timer = setTimeout(() => globalThis.document.getElementById(`vocabulary-${focus}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }), 50);
    return () => clearTimeout(timer);
  }, [focus]);

  const vocabularies = useMemo(() => {
    const q = query.trim().toLowerCase();
    return Object.entries(document.vocabularies ?? {})
      .map(([code, vocabulary]) => {
        const own = !q || matches(code, q) || matches(vocabulary.label.zh, q) || matches(vocabulary.label.en, q);
        const terms = own ? vocabulary.terms : vocabulary.terms.filter((term) => matches(term.code, q) || matches(term.label.zh, q) || matches(term.label.en, q));
        return { code, label: vocabulary.label, total: vocabulary.terms.length, terms };
      })
      .filter((vocabulary) => vocabulary.terms.length > 0);
  }, [document, query]);

  const searching = query.trim() !== '';
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('standards.vocabularies.search')} onChange={(e) => setQuery(e.target.value)} style={{ width: 320 }} />
        <Typography.Text type="secondary">{t('standards.vocabularies.count', { count: vocabularies.length })}</Typography.Text>
      </Flex>
      {vocabularies.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standards.vocabularies.none')} />
      ) : (
        <Collapse
          data-testid="vocabulary-list"
          activeKey={searching ? vocabularies.map((v) => v.code) : open}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={vocabularies.map((vocabulary) => ({
            key: vocabulary.code,
            label: (
              <Flex gap={8} align="center" wrap id={`vocabulary-${vocabulary.code}`}>
                <Typography.Text strong>{localLabel(vocabulary.label, i18n.language)}</Typography.Text>
                <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                  {vocabulary.code}
                </Typography.Text>
              </Flex>
            ),
            extra: <Tag>{t('standards.vocabularies.terms', { count: vocabulary.total })}</Tag>,
            children: (
              <Table<VocabularyTerm>
                rowKey="code"
                size="small"
                pagination={vocabulary.terms.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
                dataSource={vocabulary.terms}
                columns={[
                  { title: t('standards.vocabularies.code'), dataIndex: 'code', width: 160, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
                  { title: t('standards.vocabularies.labelZh'), key: 'zh', render: (_, term) => term.label.zh },
                  { title: t('standards.vocabularies.labelEn'), key: 'en', render: (_, term) => term.label.en },
                ]}
              />
            ),
          }))}
        />
      )}
    </>
  );
}
