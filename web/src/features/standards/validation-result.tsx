import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldDomId } from './record-errors';
import type { ValidationResult } from './standard-types';

/** Brings the control of an error into view and focuses it. */
function focusField(path: string, singleControlArrays: readonly string[]) {
  const element = document.getElementById(fieldDomId(path, singleControlArrays));
  if (!element) return;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element.focus({ preventScroll: true });
}

/** The server's verdict on a record: a success line, or every error with a link to its field. */
export function ValidationResultAlert({ result, singleControlArrays = [] }: { result: ValidationResult; singleControlArrays?: readonly string[] }) {
  const { t } = useTranslation();
  if (result.valid) {
    return <Alert type="success" showIcon data-testid="validation-ok" title={t('standards.form.valid')} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="validation-errors"
      title={t('standards.form.invalid', { count: result.errors.length })}
      description={
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
          {result.errors.map((error) => (
            <li key={`${error.path}:${error.code}`}>
              <Typography.Link onClick={() => focusField(error.path, singleControlArrays)}>{error.message}</Typography.Link>
              <Typography.Text type="secondary" code style={{ marginInlineStart: 8, fontSize: 12 }}>
                {error.path}
              </Typography.Text>
            </li>
          ))}
        </ol>
      }
    />
  );
}
