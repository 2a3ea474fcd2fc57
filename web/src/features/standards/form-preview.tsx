import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Flex, Space, Typography } from 'antd';
import { ClearOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { buildFormModel } from './form-schema';
import { compactRecord, errorsAfterEdit } from './record-errors';
import { StandardForm, type FormRecord } from './standard-form';
import { validateRecord } from './standards-api';
import type { ValidationResult, VersionDetail } from './standard-types';
import { TemplateLink } from './template-link';
import { TypeSwitch } from './type-switch';
import { ValidationResultAlert } from './validation-result';

/**
 * The form of a resource type exactly as submitters will see it; "提交校验" sends the record to the
 * API's validator and shows what it says on the fields and as a list. Render it with key={type}:
 * another type is another record.
 */
export function FormPreview({ version, type, onTypeChange }: { version: VersionDetail; type: string; onTypeChange: (type: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<FormRecord>({});
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [pending, setPending] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const singleControlArrays = useMemo(() => buildFormModel(version.document, type, 'zh-CN').singleControlArrays, [version.document, type]);

  const validate = async (record: FormRecord = value) => {
    setPending(true);
    try {
      const verdict = await validateRecord(version.id, type, (compactRecord(record) as FormRecord | undefined) ?? {});
      setResult(verdict);
      top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  };

  // The messages come in the language of the request: ask again when the language changes.
  const language = useRef(i18n.language);
  useEffect(() => {
    if (language.current === i18n.language) return;
    language.current = i18n.language;
    if (result) void validate();
  }, [i18n.language]);

  const onChange = (next: FormRecord) => {
    if (result && !result.valid) setResult({ valid: false, errors: errorsAfterEdit(result.errors, value, next) });
    setValue(next);
  };

  const validateButton = (testId: string) => (
    <Button type="primary" icon={<SafetyCertificateOutlined />} loading={pending} onClick={() => void validate()} data-testid={testId}>
      {t('standards.form.validate')}
    </Button>
  );

  return (
    <div ref={top} style={{ scrollMarginTop: 80 }}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <TypeSwitch version={version} value={type} onChange={onTypeChange} />
        <Space wrap>
          <TemplateLink versionId={version.id} type={type} />
          <Button icon={<ClearOutlined />} onClick={() => { setValue({}); setResult(null); }} data-testid="form-reset">
            {t('standards.form.reset')}
          </Button>
          {validateButton('form-validate')}
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('standards.form.intro')}
      </Typography.Paragraph>
      {result && (
        <div style={{ marginBottom: 16 }}>
          <ValidationResultAlert result={result} singleControlArrays={singleControlArrays} />
        </div>
      )}
      <StandardForm document={version.document} type={type} value={value} onChange={onChange} serverErrors={result?.errors} />
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        {validateButton('form-validate-bottom')}
      </Flex>
    </div>
  );
}
