import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { StandardForm, type FormRecord } from './standard-form';
import type { RecordError } from './standard-types';
import { testDocument } from './test/fixtures';

function Harness({ errors = [], onValue }: { errors?: RecordError[]; onValue?: (value: FormRecord) => void }) {
  const [value, setValue] = useState<FormRecord>({});
  return (
    <I18nextProvider i18n={i18n}>
      <StandardForm
        document={testDocument}
        type="data"
        value={value}
        onChange={(next) => {
          setValue(next);
          onValue?.(next);
        }}
        serverErrors={errors}
      />
    </I18nextProvider>
  );
}

/** The antd form item that holds the control rjsf renders for a path. */
function formItemOf(id: string): HTMLElement {
  const control = document.getElementById(id);
  if (!control) throw new Error(`no control #${id}`);
  const item = control.closest<HTMLElement>('.ant-form-item');
  if (!item) throw new Error(`#${id} is not in a form item`);
  return item;
}

describe('StandardForm', () => {
  it('draws one section per x-group with the labels and help of the standard', async () => {
    render(<Harness />);
    const basic = await screen.findByTestId('form-group-basic');
    expect(within(basic).getByText('基本信息')).toBeTruthy();
    expect(within(basic).getByText('题名（中文）')).toBeTruthy();
    expect(within(basic).getByText('资源的正式中文名称')).toBeTruthy();
    expect(within(screen.getByTestId('form-group-people')).getByText('联系人')).toBeTruthy();
    // The order of x-order: title, keywords, licence in the first section.
    const labels = [...basic.querySelectorAll('label')].map((label) => label.textContent);
    expect(labels.indexOf('题名（中文）')).toBeLessThan(labels.indexOf('许可协议'));
  });

  it('shows the server errors on the fields they name, nested and list fields included', async () => {
    render(
      <Harness
        errors={[
          { path: '/titleZh', label: '题名（中文）', code: 'required', message: '题名（中文）为必填项' },
          { path: '/contact/name', label: '联系人 › 姓名', code: 'required', message: '联系人 › 姓名为必填项' },
          { path: '/keywordsZh/0', label: '关键词（中文） › 第 1 项', code: 'minLength', message: '关键词（中文） › 第 1 项至少需要 1 个字符' },
        ]}
      />,
    );
    await screen.findByTestId('form-group-basic');
    await waitFor(() => expect(formItemOf('root_titleZh').textContent).toContain('题名（中文）为必填项'));
    expect(formItemOf('root_titleZh').className).toContain('ant-form-item-has-error');
    expect(formItemOf('root_contact_name').textContent).toContain('联系人 › 姓名为必填项');
    expect(formItemOf('root_keywordsZh').textContent).toContain('关键词（中文） › 第 1 项至少需要 1 个字符');
    expect(formItemOf('root_licence').textContent).not.toContain('为必填项');
  });

  it('speaks the UI language: English labels and group titles', async () => {
    await i18n.changeLanguage('en');
    render(<Harness />);
    const basic = await screen.findByTestId('form-group-basic');
    expect(within(basic).getByText('Basic information')).toBeTruthy();
    expect(within(basic).getByText('Title (Chinese)')).toBeTruthy();
    expect(within(screen.getByTestId('form-group-people')).getByText('Contact')).toBeTruthy();
  });
});
