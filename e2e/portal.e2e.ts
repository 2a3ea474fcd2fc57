import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ReceivedMail } from '../server/src/test/smtp';
import { RUN_BROWSER_TESTS } from './support/browser';
import { logIn, useBrowserSession } from './support/session';

/** An open demo publication (subject 2021YFC2501001, 浙江大学) whose title holds the word 汇交. */
const OPEN_TITLE = '科技计划资源汇交实践：以慢性病队列为例';
/** 碳汇 and 交易 side by side: a search for the word 汇交 must not find it. */
const NOT_A_MATCH = '黑土碳汇交易潜力评估报告';
/** A 汇交 result outside 浙江省 (北京市), gone once the province filter is on. */
const BEIJING_MATCH = '经皮冠状动脉介入治疗数据元标准';
/** Application mode, subject 2021YFC2501003, whose PI is the demo user `pi` (刘洋). */
const APPLICATION_TITLE = '慢性病队列糖尿病并发症随访数据集';
const ZHEJIANG = '330000';
const CSTR = /^CSTR:\w{5}\.\d{2}\.[\w.-]+$/;
/** How long a view may take to show what the last request changed. */
const POLL = { timeout: 15_000 };
/**
 * The job 'mail-delivery' runs once a minute (the scheduler ticks every 15 s) and sends every due
 * mail (within a 30 s budget), so a mail queued now goes out within about two minutes even behind the
 * ~220 notifications a fresh demo queues.
 */
const MAIL_TIMEOUT = 180_000;

/** The number in “共 N 条结果”. */
async function resultsTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('results-total').textContent()) ?? '';
  const match = /共\s*([\d,]+)\+?\s*条结果/.exec(text);
  return match ? Number(match[1]!.replace(/,/g, '')) : Number.NaN;
}

/** The titles of the results on the page, in order. */
async function resultTitles(page: Page): Promise<string[]> {
  return page.getByTestId('results').getByTestId('result-title').allTextContents();
}

/** The file download button of the landing page (the demo resources have one file each). */
function downloadButton(page: Page): Locator {
  return page.getByTestId('portal-files').locator('[data-testid^="file-download-"]');
}

/** Clicks the button, waits for the browser's download and returns the bytes it saved. */
async function download(page: Page, button: Locator, dir: string, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await button.click();
  const file = await pending;
  expect(await file.failure()).toBeNull();
  const saved = path.join(dir, name);
  await file.saveAs(saved);
  return { filename: file.suggestedFilename(), bytes: readFileSync(saved) };
}

// The steps run in order and share the demo data (one scenario, one server); each person in their own browser session.
describe.runIf(RUN_BROWSER_TESTS)('open portal: search, landing page, registration, application and approval in the browser', () => {
  const session = useBrowserSession({ name: 'portal', smtp: true });
  const newPage = () => session.newPage();
  let openId = '';
  /** The member who registers in step 2; their session is kept for step 4. */
  let memberPage: Page;
  let landingUrl = '';
  const suffix = String(randomInt(10_000, 99_999));
  const member = { username: `reader${suffix}`, displayName: `周文静${suffix}`, email: `reader${suffix}@example.org`, password: `Reader${suffix}2026` };

  it('an anonymous visitor searches 汇交, narrows to 浙江省, opens a landing page, cites and downloads it', async () => {
    const visitor = await newPage();
    const hitOf = (title: string) => visitor.getByTestId('results').locator('article', { has: visitor.getByTestId('result-title').filter({ hasText: title }) });
    await visitor.goto('/search');
    await visitor.getByTestId('results-total').waitFor();

    // The report with 碳汇 and 交易 side by side is there to be found by its own words.
    await visitor.getByTestId('search-input').fill('碳汇');
    await visitor.getByTestId('search-submit').click();
    await expect.poll(() => new URL(visitor.url()).searchParams.get('q'), POLL).toBe('碳汇');
    await hitOf(NOT_A_MATCH).locator('mark').first().waitFor();

    await visitor.getByTestId('search-input').fill('汇交');
    await visitor.getByTestId('search-submit').click();
    await expect.poll(() => new URL(visitor.url()).searchParams.get('q'), POLL).toBe('汇交');
    // The word is highlighted in the hit (a search without words marks nothing, so this is the new answer).
    await hitOf(OPEN_TITLE).locator('mark').first().waitFor();
    expect(await hitOf(OPEN_TITLE).locator('mark').allTextContents()).toContain('汇交');

    // 汇交 is one word: several resources hold it, the one with 碳汇 and 交易 apart does not match. All results fit on the page.
    const total = await resultsTotal(visitor);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(total).toBeLessThanOrEqual(20);
    const titles = await resultTitles(visitor);
    expect(titles).toHaveLength(total);
    expect(titles).toContain(OPEN_TITLE);
    expect(titles).toContain(BEIJING_MATCH);
    expect(titles.some((title) => title.includes(NOT_A_MATCH))).toBe(false);

    // The province facet: fewer results, the filter in the URL, kept by a reload.
    const zhejiang = visitor.getByTestId(`facet-province-${ZHEJIANG}`);
    await expect(visitor.getByTestId('facet-province').textContent()).resolves.toContain('浙江省');
    await zhejiang.click();
    await expect.poll(() => zhejiang.isChecked(), POLL).toBe(true);
    await expect.poll(() => new URL(visitor.url()).searchParams.getAll('province'), POLL).toEqual([ZHEJIANG]);
    await expect.poll(() => resultsTotal(visitor), POLL).toBeLessThan(total);
    const narrowed = await resultsTotal(visitor);
    expect(narrowed).toBeGreaterThan(0);
    await expect(visitor.getByTestId(`active-province-${ZHEJIANG}`).textContent()).resolves.toBe('省份：浙江省');
    await expect.poll(() => resultTitles(visitor), POLL).toHaveLength(narrowed);
    expect(await resultTitles(visitor)).toContain(OPEN_TITLE);
    expect(await resultTitles(visitor)).not.toContain(BEIJING_MATCH);

    const filtered = visitor.url();
    await visitor.reload();
    await visitor.getByTestId('results').getByTestId('result-title').first().waitFor();
    expect(visitor.url()).toBe(filtered);
    expect(await visitor.getByTestId('search-input').inputValue()).toBe('汇交');
    expect(await visitor.getByTestId(`facet-province-${ZHEJIANG}`).isChecked()).toBe(true);
    expect(await resultsTotal(visitor)).toBe(narrowed);
    expect(await resultTitles(visitor)).not.toContain(BEIJING_MATCH);

    // The landing page: title, CSTR, GB/T 7714 citation.
    await visitor.getByTestId('results').getByRole('link', { name: OPEN_TITLE, exact: true }).click();
    await visitor.getByTestId('landing-title').waitFor();
    const match = /^\/r\/([^/]+)$/.exec(new URL(visitor.url()).pathname);
    expect(match).not.toBeNull();
    openId = decodeURIComponent(match![1]!);
    expect((await visitor.getByTestId('landing-title').textContent())?.trim()).toBe(OPEN_TITLE);
    const cstr = (await visitor.getByTestId('landing-cstr').textContent())?.trim() ?? '';
    expect(cstr).toMatch(CSTR);
    const citation = (await visitor.getByTestId('cite-gbt7714').textContent()) ?? '';
    expect(citation).toContain(OPEN_TITLE);
    expect(citation).toContain(cstr);
    expect(await visitor.getByTestId('access-reason').textContent()).toBe('公开资源，任何人均可下载');

    // Its open file downloads without logging in.
    const button = downloadButton(visitor);
    expect(await button.count()).toBe(1);
    expect(await button.isEnabled()).toBe(true);
    const file = await download(visitor, button, session.dir, 'open-file');
    expect(file.filename).toBe('fulltext.txt');
    expect(file.bytes.length).toBeGreaterThan(0);
    expect(file.bytes.toString('utf8')).toContain(OPEN_TITLE);

    // Crawlers get the record without JavaScript: schema.org JSON-LD with the CSTR in the HTML.
    const response = await fetch(`${session.server.url}/r/${encodeURIComponent(openId)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const jsonLd = JSON.parse(scripts[0]![1]!) as { name: string; identifier: Array<{ propertyID: string; value: string }> };
    expect(jsonLd.name).toBe(OPEN_TITLE);
    expect(jsonLd.identifier.find((id) => id.propertyID === 'CSTR')?.value).toBe(cstr.replace(/^CSTR:/, ''));
    expect(html).toContain(cstr);
  });

  it('a visitor registers, verifies the e-mail from the mailed link, logs in and applies for a dataset in application mode', async () => {
    memberPage = await newPage();
    await memberPage.goto('/register');
    await memberPage.getByTestId('register-username').fill(member.username);
    await memberPage.getByTestId('register-display-name').fill(member.displayName);
    await memberPage.getByTestId('register-email').fill(member.email);
    await memberPage.getByTestId('register-password').fill(member.password);
    await memberPage.getByTestId('register-confirm').fill(member.password);
    await memberPage.getByTestId('register-submit').click();
    await memberPage.getByTestId('register-sent').waitFor();
    await expect(memberPage.getByTestId('register-sent').textContent()).resolves.toContain(member.email);

    // The verification mail, delivered by the server's mail job to the SMTP listener.
    let mail: ReceivedMail | undefined;
    await expect
      .poll(() => (mail = session.inbox.find((m) => m.to.includes(member.email))), { timeout: MAIL_TIMEOUT, interval: 1_000 })
      .toBeDefined();
    expect(mail!.subject).toContain('请验证您的邮箱');
    const link = /https?:\/\/\S+\/verify-email\/(\S+)/.exec(mail!.text);
    expect(link).not.toBeNull();
    await memberPage.goto(`/verify-email/${link![1]}`);
    await memberPage.getByTestId('verify-email-done').waitFor();
    await expect(memberPage.getByTestId('verify-email-done').textContent()).resolves.toContain(member.username);
    await memberPage.getByTestId('verify-email-login').click();
    await memberPage.getByTestId('login-name').waitFor();
    await logIn(memberPage, member.username, member.password);
    await expect(memberPage.getByTestId('welcome').textContent()).resolves.toContain(member.displayName);

    // Finds the dataset and opens its landing page.
    await memberPage.goto(`/search?q=${encodeURIComponent('糖尿病并发症')}`);
    await memberPage.getByTestId('results').getByRole('link', { name: APPLICATION_TITLE, exact: true }).click();
    await memberPage.getByTestId('landing-title').waitFor();
    landingUrl = new URL(memberPage.url()).pathname;
    expect(landingUrl).toMatch(/^\/r\/[^/]+$/);
    expect((await memberPage.getByTestId('landing-title').textContent())?.trim()).toBe(APPLICATION_TITLE);
    expect(await memberPage.getByTestId('landing-sharing').textContent()).toBe('申请获取');
    await expect(memberPage.getByTestId('portal-user').textContent()).resolves.toContain(member.displayName);

    // The download is disabled until an application is approved.
    const reason = memberPage.getByTestId('access-reason');
    await expect(reason.textContent()).resolves.toContain('需申请');
    const button = downloadButton(memberPage);
    expect(await button.count()).toBe(1);
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('aria-label')).toContain('需申请');

    await memberPage.getByTestId('apply-button').click();
    await memberPage.getByTestId('apply-form').waitFor();
    await expect(memberPage.getByTestId('apply-agreement-text').textContent()).resolves.not.toBe('');
    await memberPage.getByTestId('apply-purpose').fill('比较长三角地区 2 型糖尿病并发症的发生率与危险因素');
    await memberPage.getByTestId('apply-intended-use').fill('课题组内部统计分析与论文发表，不向第三方提供原始数据');
    await memberPage.getByTestId('apply-agree').check();
    await memberPage.getByTestId('apply-submit').click();
    await memberPage.getByTestId('apply-form').waitFor({ state: 'detached' });

    await expect.poll(() => reason.textContent(), POLL).toContain('审核中');
    expect(await memberPage.getByTestId('access-panel').getAttribute('data-reason')).toBe('application_pending');
    expect(await button.isDisabled()).toBe(true);
    expect(await memberPage.getByTestId('apply-button').count()).toBe(0);
  }, MAIL_TIMEOUT + 60_000);

  it('the PI 刘洋 approves the application in 申请审批 with the default expiry', async () => {
    const pi = await session.signIn('pi');
    await pi.getByTestId('side-menu').getByText('申请审批').click();
    await pi.waitForURL('**/applications/inbox');
    const row = pi.getByTestId('applications-inbox').locator('tr', { hasText: member.displayName });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(APPLICATION_TITLE);
    await expect(row.textContent()).resolves.toContain('审核中');
    await row.locator('[data-testid^="approve-"]').click();

    const expires = pi.getByTestId('decision-expires');
    await expires.waitFor();
    const inAYear = new Date();
    inAYear.setMonth(inAYear.getMonth() + 12);
    expect(await expires.inputValue()).toBe(inAYear.toLocaleDateString('sv-SE'));
    await pi.getByTestId('decision-submit').click();
    await pi.getByTestId('decision-form').waitFor({ state: 'detached' });

    // Gone from the pending list; approved in the full list.
    await expect.poll(() => row.count(), POLL).toBe(0);
    await pi.getByTestId('inbox-filter').getByText(/^全部/).click();
    const decided = pi.getByTestId('applications-inbox').locator('tr', { hasText: member.displayName });
    await expect.poll(() => decided.textContent(), POLL).toContain('已批准');
    expect(await decided.locator('[data-testid^="approve-"]').count()).toBe(0);
  });

  it('the member reloads the landing page: the download is enabled and the file arrives', async () => {
    session.focus(memberPage);
    await memberPage.reload();
    await memberPage.getByTestId('landing-title').waitFor();
    expect(new URL(memberPage.url()).pathname).toBe(landingUrl);
    const reason = memberPage.getByTestId('access-reason');
    await expect(reason.textContent()).resolves.toContain('您的使用申请已获批准');
    expect(await memberPage.getByTestId('access-panel').getAttribute('data-reason')).toBe('application_approved');

    const button = downloadButton(memberPage);
    expect(await button.isEnabled()).toBe(true);
    const file = await download(memberPage, button, session.dir, 'approved-file');
    expect(file.filename).toBe('records.csv');
    expect(file.bytes.length).toBeGreaterThan(0);
    const lines = file.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('id,site,value,year');
    expect(lines.length).toBeGreaterThan(1);
  });
});
