import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RUN_BROWSER_TESTS, shot } from './support/browser';
import { DEMO_PASSWORD } from './support/server';
import { pickOption, useBrowserSession } from './support/session';

const PI_EMAIL = 'liu.yang@zju.example.cn';
const SUBMITTER_EMAIL = 'zhang.xiaoyu@zju.example.cn';

/** Logs in through the API and returns a caller that sends the session cookie and CSRF token. */
async function apiSession(baseUrl: string, login: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${login}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** A fresh program → project → subject of 浙江大学 on the population-health platform, with the demo PI. */
async function createSubject(baseUrl: string): Promise<{ id: string; code: string }> {
  const ministry = await apiSession(baseUrl, 'ministry');
  const orgs = (await ministry<{ items: Array<{ id: string; nameZh: string }> }>('GET', '/api/orgs')).items;
  const orgId = (name: string) => {
    const org = orgs.find((o) => o.nameZh === name);
    if (!org) throw new Error(`demo organisation ${name} missing`);
    return org.id;
  };
  const serial = String(randomInt(10_000, 99_999));
  const program = await ministry<{ id: string }>('POST', '/api/programs', { code: `2026YFE${serial}00`, titleZh: '国家重点研发计划“汇交端到端测试”重点专项' });
  const project = await ministry<{ id: string }>('POST', '/api/projects', { programId: program.id, code: `2026YFE${serial}10`, titleZh: '队列数据汇交示范项目' });
  const code = `2026YFE${serial}11`;
  const subject = await ministry<{ id: string }>('POST', '/api/subjects', {
    projectId: project.id, code, titleZh: `出生队列多组学数据汇交示范${serial}`, leadUnitId: orgId('浙江大学'),
    platformOrgId: orgId('国家人口健康科学数据中心'), regionCode: '330000', acceptanceDate: '2028-12-31',
    pi: { email: PI_EMAIL, displayName: '刘洋' },
  });
  return { id: subject.id, code };
}

async function planStatus(page: Page): Promise<string> {
  return (await page.getByTestId('plan-view').getByTestId('plan-status').first().textContent()) ?? '';
}

async function openFromQueue(page: Page, code: string): Promise<void> {
  await page.getByTestId('side-menu').getByText('审核待办').click();
  await page.getByTestId(`queue-link-${code}`).click();
  await page.getByTestId('review-panel').waitFor();
}

// The steps run in order and share the subject and the browser page (one scenario, one server).
describe.runIf(RUN_BROWSER_TESTS)('collection plan from designation to approval in the browser', () => {
  const session = useBrowserSession({ name: 'plans', actionTimeoutMs: 15_000 });
  let page: Page;
  let subject: { id: string; code: string };

  /** Each person works in their own browser session, as they would on their own computer. */
  async function signIn(username: string): Promise<void> {
    page = await session.signIn(username);
  }

  beforeAll(async () => {
    subject = await createSubject(session.server.url);
  });

  it('the PI finds the subject under "my work" and designates the submitter by email', async () => {
    await signIn('pi');
    await page.getByTestId('side-menu').getByText('我的工作').click();
    await page.getByTestId('my-work').getByText(subject.code).waitFor();
    await shot(page, 'plans-01-pi-my-work');
    await page.goto(`/subjects/${subject.id}`);
    await page.getByTestId('designate-email').fill(SUBMITTER_EMAIL);
    await page.getByTestId('designate-name').fill('张晓雨');
    await page.getByTestId('designate-submit').click();
    await page.getByTestId('subject-people').getByText('张晓雨').waitFor();
    await expect(page.getByTestId('subject-people').textContent()).resolves.toContain('汇交义务人');
    await shot(page, 'plans-02-designated');
  });

  it('the submitter files a plan of two lines and submits it', async () => {
    await signIn('submitter');
    await page.getByTestId('side-menu').getByText('我的工作').click();
    await page.getByTestId(`file-plan-${subject.code}`).click();
    await page.getByTestId('plan-editor').waitFor();
    await pickOption(page, 'plan-line-type-0', '科学数据');
    await page.getByTestId('plan-line-count-0').fill('3');
    await pickOption(page, 'plan-line-sharing-0', '完全开放');
    await page.getByTestId('plan-line-notes-0').fill('出生队列基线调查数据');
    await page.getByTestId('plan-add-line').click();
    await pickOption(page, 'plan-line-type-1', '研究实验报告');
    await page.getByTestId('plan-line-count-1').fill('2');
    await pickOption(page, 'plan-line-sharing-1', '申请审批');
    await shot(page, 'plans-03-filed');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-submit-confirm').click();
    await page.getByTestId('plan-lines').waitFor();
    expect(await planStatus(page)).toBe('单位审核中');
  });

  it('the unit admin returns it with a comment pinned to line 1', async () => {
    await signIn('unit_admin');
    await openFromQueue(page, subject.code);
    await page.getByTestId('line-comment-1').click();
    await page.getByTestId('review-line-text-0').fill('数据集数量偏少，请与任务书核对');
    await page.getByTestId('review-return').click();
    await page.getByTestId('plan-returned').waitFor();
    expect(await planStatus(page)).toBe('已退回');
    await shot(page, 'plans-04-returned');
  });

  it('the submitter sees the comment on line 1, fixes the count and resubmits', async () => {
    await signIn('submitter');
    await page.goto(`/subjects/${subject.id}/plan`);
    const thread = page.getByTestId('plan-comments').locator('#thread-line-1');
    await thread.getByText('数据集数量偏少，请与任务书核对').waitFor();
    await expect(thread.textContent()).resolves.toContain('第 1 行 · 科学数据');
    await page.getByTestId('plan-line-count-0').fill('5');
    await shot(page, 'plans-05-fixing');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-submit-confirm').click();
    await page.getByTestId('plan-lines').waitFor();
    expect(await planStatus(page)).toBe('单位审核中');
  });

  it('the unit admin sees what changed since round 1 and approves', async () => {
    await signIn('unit_admin');
    await openFromQueue(page, subject.code);
    const change = page.getByTestId('diff-1-plannedCount');
    await change.waitFor();
    expect(await change.textContent()).toBe('计划数量：35');
    await shot(page, 'plans-06-diff');
    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-approve-confirm').click();
    await page.getByTestId('review-panel').waitFor({ state: 'detached' });
    expect(await planStatus(page)).toBe('平台审核中');
  });

  it('the platform admin approves, and the plan shows 已批准', async () => {
    await signIn('ph_admin');
    await openFromQueue(page, subject.code);
    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-approve-confirm').click();
    await page.getByTestId('review-panel').waitFor({ state: 'detached' });
    expect(await planStatus(page)).toBe('已批准');
    await expect(page.getByTestId('plan-steps').textContent()).resolves.toContain('已批准');
    await shot(page, 'plans-07-approved');
  });
});
