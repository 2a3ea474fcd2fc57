import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RUN_BROWSER_TESTS, shot } from './support/browser';
import { logIn, useBrowserSession } from './support/session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The antd form item rjsf draws around the control of a field (ids are root_<field>): the innermost one. */
function fieldItem(page: Page, field: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`#root_${field}`), hasNot: page.locator('.ant-form-item') });
}

describe.runIf(RUN_BROWSER_TESTS)('collection standards in the browser', () => {
  const session = useBrowserSession({ name: 'standards', viewport: { width: 1366, height: 860 }, actionTimeoutMs: 15_000 });
  let page: Page;

  beforeAll(async () => {
    page = await session.newPage();
  });

  it('previews the form of a standard, shows the server validator\'s Chinese messages on the fields, and downloads a template', async () => {

    // 1. The population-health platform admin opens the standards from the menu (Chinese by default).
    await logIn(page, 'ph_admin');
    await page.getByTestId('side-menu').getByText('汇交标准').click();
    const standard = page.getByTestId('standard-population-health');
    await standard.getByTestId('current-version').waitFor();
    await shot(page, 'std-01-list');

    // 2. Its approved version 1.0.0: the field table of 科学数据 comes first.
    await standard.getByTestId('version-link-population-health-1.0.0').click();
    await page.getByTestId('field-table').getByText('题名（中文）').waitFor();
    expect(await page.getByTestId('version-title').textContent()).toBe('人口健康领域科技资源汇交标准规范');
    expect(await page.getByTestId('version-status').first().textContent()).toBe('已批准');

    // 3. The form preview of 科学数据, submitted empty: the API's messages land on the fields.
    await page.getByTestId('tab-form').click();
    await page.getByTestId('form-group-basic').getByText('基本信息').waitFor();
    // Tabs already visited stay mounted: look inside the form preview only.
    const preview = page.getByRole('tabpanel', { name: '表单预览' });
    expect(await preview.getByTestId('type-switch').locator('.ant-segmented-item-selected').textContent()).toBe('科学数据');
    const validated = page.waitForResponse((response) => response.url().endsWith('/validate') && response.request().method() === 'POST');
    await page.getByTestId('form-validate').click();
    expect((await validated).status()).toBe(200);
    const titleError = fieldItem(page, 'titleZh').locator('.ant-form-item-explain-error');
    await titleError.waitFor();
    expect(await titleError.textContent()).toContain('题名（中文）为必填项');
    expect(await fieldItem(page, 'studyType').locator('.ant-form-item-explain-error').textContent()).toContain('研究类型为必填项');
    expect(await page.getByTestId('validation-errors').textContent()).toContain('题名（中文）为必填项');
    await shot(page, 'std-02-form-errors');

    // 4. Filling the title takes its error away at once.
    await page.locator('#root_titleZh').fill('浙江省成人慢性病队列基线调查数据集');
    await titleError.waitFor({ state: 'detached' });

    // 5. Another type is another form: 研究实验报告 has its own fields and no stale errors.
    await preview.getByTestId('type-switch').getByText('研究实验报告').click();
    await fieldItem(page, 'reportNumber').getByText('报告编号', { exact: true }).waitFor();
    expect(await page.getByTestId('validation-errors').count()).toBe(0);
    await page.getByTestId('form-validate').click();
    await fieldItem(page, 'reportNumber').locator('.ant-form-item-explain-error').getByText('报告编号为必填项').waitFor();
    await shot(page, 'std-03-report-errors');

    // 6. The Excel template of the type downloads as a workbook (a download fires no response event,
    //    so the same link is also fetched to read its headers).
    const link = preview.getByTestId('template-report');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/研究实验报告.*\.xlsx$/);
    const saved = path.join(session.dir, 'template.xlsx');
    await download.saveAs(saved);
    expect((await readFile(saved)).subarray(0, 2).toString('latin1')).toBe('PK');
    const response = await page.request.get((await link.getAttribute('href')) ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(XLSX);
  });
});
