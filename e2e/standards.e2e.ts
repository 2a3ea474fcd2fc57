import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, RUN_BROWSER_TESTS, shot } from './support/browser';
import { DEMO_PASSWORD, ensureWebBuilt, startServer, type RunningServer } from './support/server';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-name').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome').waitFor();
}

/** The antd form item rjsf draws around the control of a field (ids are root_<field>): the innermost one. */
function fieldItem(page: Page, field: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`#root_${field}`), hasNot: page.locator('.ant-form-item') });
}

describe.runIf(RUN_BROWSER_TESTS)('collection standards in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ensureWebBuilt();
    server = await startServer();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 860 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('previews the form of a standard, shows the server validator\'s Chinese messages on the fields, and downloads a template', async () => {
    onTestFailed(async () => {
      const file = path.join(tmpdir(), `hj-e2e-failure-${Date.now()}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      console.error(`Screenshot of the failure: ${file}\nServer output:\n${server.output().slice(-4000)}`);
    });

    // 1. The population-health platform admin opens the standards from the menu (Chinese by default).
    await page.goto('/');
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
    const saved = path.join(tmpdir(), `hj-e2e-template-${Date.now()}.xlsx`);
    await download.saveAs(saved);
    expect((await readFile(saved)).subarray(0, 2).toString('latin1')).toBe('PK');
    const response = await context.request.get((await link.getAttribute('href')) ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(XLSX);
    await rm(saved, { force: true });
  });
});
