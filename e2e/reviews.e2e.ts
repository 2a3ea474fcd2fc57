import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RUN_BROWSER_TESTS } from './support/browser';
import { pickOption, useBrowserSession } from './support/session';

/** The demo resource waiting for 浙江大学's unit review (subject 2021YFC2501002, submitter 张晓雨). */
const RESOURCE = '队列血清样本库质控数据';
const FIXED_TITLE = '队列血清样本库质量控制数据（2021—2023）';
const TITLE_COMMENT = '题名请写全“质量控制”，并注明样本采集年份。';
const GENERAL_COMMENT = '请按单位要求完善题名后重新提交。';
/** The demo's approved resource whose release completes subject 2021YFC2501001 (report and publication waived). */
const LAST_RELEASE = '慢性病队列结局事件判定数据集';
const CERTIFIED_SUBJECT = '2021YFC2501001';
const CSTR = /^CSTR:\w{5}\.\d{2}\.[\w.-]+$/;
/** How long a view may take to show what the last request changed. */
const POLL = { timeout: 10_000 };

/** 审核待办 → the resource queue (on a tier when the user has several) → the resource's 审核 tab. */
async function openFromQueue(page: Page, title: string, tier?: 'unit' | 'platform' | 'expert' | 'release'): Promise<void> {
  await page.getByTestId('side-menu').getByText('审核待办').click();
  const queue = page.getByTestId('resource-queue');
  if (tier) await queue.getByTestId(`queue-tier-${tier}`).click();
  await queue.getByRole('link', { name: title, exact: true }).click();
  await page.getByTestId('review-tab').waitFor();
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('resource-status').textContent()) ?? '';
}

async function stepStatus(page: Page, step: 'unit' | 'platform' | 'expert' | 'approved' | 'released'): Promise<string | null> {
  return page.getByTestId(`review-step-${step}`).getAttribute('data-status');
}

// The steps run in order and share the demo data (one scenario, one server); each person in their own browser session.
describe.runIf(RUN_BROWSER_TESTS)('tiered review, release with a CSTR and the collection certificate in the browser', () => {
  const session = useBrowserSession({ name: 'reviews' });
  let page: Page;
  let resourceId = '';
  let certificate = { number: '', code: '' };
  /** The CSTR of the release that completed the subject. */
  let lastCstr = '';

  /** Each person works in their own browser session, as they would on their own computer. */
  async function signIn(username: string): Promise<void> {
    page = await session.signIn(username);
  }

  it('the unit admin finds the resource in the unit queue and returns it with a comment on 题名（中文） and a general one', async () => {
    await signIn('unit_admin');
    await openFromQueue(page, RESOURCE);
    resourceId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(resourceId).not.toBe('');
    expect(await status(page)).toBe('单位审核中');
    expect(await stepStatus(page, 'unit')).toBe('process');

    const decision = page.getByTestId('decision-form');
    await expect(decision.textContent()).resolves.toContain('单位审核：审核决定');
    await page.getByTestId('decision-comment').fill(GENERAL_COMMENT);
    await page.getByTestId('decision-add-field-pin').click();
    await pickOption(page, 'decision-pin-target-0', '题名（中文）', '题名');
    await page.getByTestId('decision-pin-text-0').fill(TITLE_COMMENT);
    await page.getByTestId('decision-return').click();

    await page.getByTestId('decision-form').waitFor({ state: 'detached' });
    await expect.poll(() => status(page), POLL).toBe('已退回');
    expect(await stepStatus(page, 'unit')).toBe('error');
    const comments = page.getByTestId('review-comments');
    await comments.getByTestId('review-threads-field:titleZh').getByText(TITLE_COMMENT).waitFor();
    await expect(comments.getByTestId('review-threads-field:titleZh').textContent()).resolves.toContain('题名（中文）');
    await page.getByTestId('review-history').getByText(`“${GENERAL_COMMENT}”`).waitFor();
  });

  it('the submitter sees the title field highlighted with the comment, fixes the title and resubmits', async () => {
    await signIn('submitter');
    await page.getByTestId('side-menu').getByText('我的工作').click();
    await page.getByTestId('my-work').locator('tr', { hasText: '2021YFC2501002' }).locator('a').first().click();
    await page.getByTestId('resources-tab').click();
    const row = page.getByTestId('resource-table').locator('tr', { hasText: RESOURCE });
    await expect.poll(async () => row.getByTestId('resource-status').textContent(), POLL).toBe('已退回');
    await row.getByRole('link', { name: RESOURCE }).click();

    await page.getByTestId('standard-form').waitFor();
    expect(await status(page)).toBe('已退回');
    const alert = page.getByTestId('open-fields-alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('审核人对以下 1 个字段提出了意见');
    expect(await alert.getByTestId('open-field-titleZh').textContent()).toBe('题名（中文）');
    const note = page.getByTestId('field-comment-titleZh');
    await note.getByText(TITLE_COMMENT).waitFor();
    // The comment sits in the field's red box, right under the title input.
    const flagged = page.locator('.hj-field-flagged', { has: page.locator('#root_titleZh') });
    await expect(flagged.getByTestId('field-comment-titleZh').count()).resolves.toBe(1);

    await page.locator('#root_titleZh').fill(FIXED_TITLE);
    await page.locator('[data-testid=save-state][data-state=saved]').first().waitFor();
    await page.getByTestId('completeness').first().getByText('必填项已完整').waitFor();
    await page.getByTestId('resource-submit').click();
    await page.getByTestId('resource-locked').waitFor();
    await expect.poll(() => status(page), POLL).toBe('单位审核中');
    expect(await page.getByTestId('resource-title').textContent()).toBe(FIXED_TITLE);
  });

  it('the unit admin sees round 2 and the title change, and approves', async () => {
    await signIn('unit_admin');
    await page.getByTestId('side-menu').getByText('审核待办').click();
    const row = page.getByTestId(`queue-resource-${resourceId}`);
    await expect(row.textContent()).resolves.toContain('第 2 轮');
    await row.getByRole('link', { name: FIXED_TITLE }).click();
    await page.getByTestId('review-tab').waitFor();

    await page.getByTestId('review-history').getByText('第 2 轮提交（张晓雨）').waitFor();
    const diff = page.getByTestId('review-diff');
    await expect(page.getByTestId('review-tab').getByText('与第 1 轮相比的修改').count()).resolves.toBe(1);
    const change = diff.locator('tr', { has: page.getByTestId('diff-field-titleZh') });
    await expect(change.textContent()).resolves.toContain('题名（中文）');
    expect(await diff.getByTestId('diff-field-titleZh').textContent()).toBe(`${RESOURCE}${FIXED_TITLE}`);

    await page.getByTestId('decision-approve').click();
    await page.getByTestId('decision-approve-confirm').click();
    await page.getByTestId('decision-form').waitFor({ state: 'detached' });
    await expect.poll(() => status(page), POLL).toBe('平台审核中');
    expect(await stepStatus(page, 'unit')).toBe('finish');
  });

  it('the platform admin approves at platform tier and assigns the expert 陈立群', async () => {
    await signIn('ph_admin');
    await openFromQueue(page, FIXED_TITLE, 'platform');
    await expect(page.getByTestId('decision-form').textContent()).resolves.toContain('平台审核：审核决定');
    await page.getByTestId('decision-approve').click();
    await page.getByTestId('decision-approve-confirm').click();
    await page.getByTestId('decision-form').waitFor({ state: 'detached' });
    await expect.poll(() => status(page), POLL).toBe('专家评审中');
    expect(await stepStatus(page, 'expert')).toBe('process');

    const experts = page.getByTestId('experts-card');
    await pickOption(page, 'experts-candidates', '陈立群', '陈立群');
    await page.keyboard.press('Escape');
    await page.getByTestId('experts-assign-submit').click();
    const assigned = experts.getByTestId('expert-summary').locator('tr', { hasText: '陈立群' });
    await assigned.getByText('待声明').waitFor();
  });

  it('the expert declares no conflict, scores the rubric and recommends approval: the resource is approved', async () => {
    await signIn('expert');
    await page.getByTestId('side-menu').getByText('审核待办').click();
    await page.getByTestId('resource-queue').locator('tr', { hasText: FIXED_TITLE }).getByText('待声明').waitFor();
    await openFromQueue(page, FIXED_TITLE);
    const mine = page.getByTestId('my-assignment');
    await mine.getByTestId('coi-form').waitFor();
    await page.getByTestId('coi-none').click();
    await page.getByTestId('coi-submit').click();

    await page.getByTestId('opinion-form').waitFor();
    for (const [criterion, score] of [['quality', '5'], ['completeness', '4'], ['usability', '4']] as const) {
      await page.getByTestId(`opinion-score-${criterion}`).getByText(score, { exact: true }).click();
    }
    await page.getByTestId('opinion-score-comment-usability').fill('建议补充质控指标的计算方法说明。');
    await page.getByTestId('opinion-recommend-approve').click();
    await page.getByTestId('opinion-comment').fill('质控数据完整，同意发布。');
    await page.getByTestId('opinion-submit').click();

    await mine.getByTestId('my-opinion').waitFor();
    await expect.poll(() => status(page), POLL).toBe('已通过');
    expect(await stepStatus(page, 'approved')).toBe('process');
    expect(await page.getByTestId('review-step-approved').textContent()).toBe('待发布');
    expect(await page.getByTestId('expert-outcome').textContent()).toBe('通过');
  });

  it('the platform admin releases it openly under a licence and sees its CSTR', async () => {
    await signIn('ph_admin');
    await openFromQueue(page, FIXED_TITLE, 'release');
    expect(await status(page)).toBe('已通过');
    await page.getByTestId('release-form').waitFor();
    await pickOption(page, 'release-sharing-mode', '公开');
    await pickOption(page, 'release-licence', 'CC BY 4.0（署名）');
    await page.getByTestId('release-submit').click();

    const cstr = page.getByTestId('release-cstr');
    await cstr.waitFor();
    expect((await cstr.textContent())?.trim()).toMatch(CSTR);
    expect(await page.getByTestId('release-sharing').textContent()).toBe('公开');
    expect(await page.getByTestId('release-licence-text').textContent()).toBe('CC BY 4.0（署名）');
    await expect.poll(() => status(page), POLL).toBe('已发布');
    await page.getByTestId('released-notice').waitFor();
  });

  it('releasing the last planned dataset of 2021YFC2501001 lets the platform issue the certificate', async () => {
    // Before: the certificate tab says one 科学数据 is missing and the button is disabled.
    await page.getByTestId('side-menu').getByText('审核待办').click();
    await page.getByTestId('queue-tier-release').click();
    const waiting = page.getByTestId('resource-queue').locator('tr', { hasText: LAST_RELEASE });
    await waiting.getByRole('link', { name: CERTIFIED_SUBJECT }).click();
    await page.getByTestId('certificate-tab').click();
    const banner = page.getByTestId('certificate-banner');
    await expect.poll(() => banner.getAttribute('data-complete'), POLL).toBe('false');
    await expect(page.getByTestId('certificate-missing').textContent()).resolves.toContain('科学数据：还差 1 项');
    expect(await page.getByTestId('certificate-issue').isDisabled()).toBe(true);
    await page.getByTestId('certificate-waiver-report').waitFor();
    await page.getByTestId('certificate-waiver-publication').waitFor();

    // The release.
    await openFromQueue(page, LAST_RELEASE, 'release');
    await pickOption(page, 'release-sharing-mode', '申请审批');
    await pickOption(page, 'release-licence', 'CC BY 4.0（署名）');
    await page.getByTestId('release-submit').click();
    await page.getByTestId('release-cstr').waitFor();
    lastCstr = (await page.getByTestId('release-cstr').textContent())?.trim() ?? '';
    expect(lastCstr).toMatch(CSTR);

    // After: complete, the button is enabled; issue.
    await page.getByRole('link', { name: CERTIFIED_SUBJECT }).click();
    await page.getByTestId('certificate-tab').click();
    await expect.poll(() => banner.getAttribute('data-complete'), POLL).toBe('true');
    await expect(banner.textContent()).resolves.toContain('可以签发汇交凭证');
    for (const type of ['data', 'report', 'publication']) {
      expect(await page.getByTestId(`certificate-fulfilled-${type}`).getAttribute('data-fulfilled')).toBe('true');
    }
    const issue = page.getByTestId('certificate-issue');
    expect(await issue.isEnabled()).toBe(true);
    await issue.click();
    const issued = page.getByTestId('certificate-issued');
    await issued.waitFor();
    await expect(banner.textContent()).resolves.toContain('汇交凭证已签发');
    certificate = {
      number: (await page.getByTestId('certificate-number').textContent())?.trim() ?? '',
      code: (await page.getByTestId('certificate-code').textContent())?.trim() ?? '',
    };
    expect(certificate.number).not.toBe('');
    expect(certificate.code).not.toBe('');
    expect(await page.getByTestId('certificate-verify-link').textContent()).toContain(`/verify/${certificate.code}`);

    // The PDF the button downloads.
    const download = page.waitForEvent('download');
    await page.getByTestId('certificate-pdf').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`汇交凭证-${certificate.number}.pdf`);
    const saved = path.join(session.dir, 'certificate.pdf');
    await file.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(saved).size).toBeGreaterThan(10_000);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
      expect(text).toContain(CERTIFIED_SUBJECT);
      expect(text).toContain(certificate.code);
      expect(text).toContain(lastCstr);
    }
  });

  it('anyone can verify the certificate without logging in; a forged code is refused', async () => {
    const verify = await session.newPage();
    await verify.goto(`/verify/${encodeURIComponent(certificate.code)}`);
    const valid = verify.getByTestId('verify-valid');
    await valid.waitFor();
    await expect(valid.textContent()).resolves.toContain('凭证真实有效');
    expect(await verify.getByTestId('verify-number').textContent()).toBe(certificate.number);
    await expect(valid.textContent()).resolves.toContain(CERTIFIED_SUBJECT);
    const cstrs = await verify.getByTestId('verify-lines').locator('.ant-tag').allTextContents();
    expect(cstrs).toContain(lastCstr);
    for (const cstr of cstrs) expect(cstr).toMatch(CSTR);

    await verify.getByTestId('verify-code').fill(`${certificate.code.slice(0, -4)}XXXX`);
    await verify.getByTestId('verify-submit').click();
    await verify.getByTestId('verify-invalid').waitFor();
    await expect(verify.getByTestId('verify-invalid').textContent()).resolves.toContain('未找到该凭证，凭证无效');
    expect(await verify.getByTestId('verify-valid').count()).toBe(0);
  });
});
