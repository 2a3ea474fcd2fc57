import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { RUN_BROWSER_TESTS, shot } from './support/browser';
import { logIn, useBrowserSession } from './support/session';

const MiB = 1024 * 1024;
const FILE_MIB = 200;
const SUBJECT_CODE = '2021YFC2501001';

/** A 200 MB file of pseudo-random blocks (each block numbered, so none repeats), and its SHA-256. */
function writeBigFile(dir: string): { file: string; sha256: string } {
  const file = path.join(dir, '队列基线数据-2019.bin');
  const block = randomBytes(MiB);
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < FILE_MIB; i += 1) {
      block.writeUInt32LE(i, 0);
      writeSync(fd, block);
      hash.update(block);
    }
  } finally {
    closeSync(fd);
  }
  return { file, sha256: hash.digest('hex') };
}

/** The selected values a select shows (a chosen term, or the tags typed in). */
const selected = (page: Page, id: string, text: string) => page.locator(`.ant-select:has(#${id})`, { hasText: text });

/** Picks a term, and checks the field shows it (once more if a busy page lost the click). */
async function choose(page: Page, id: string, search: string, label: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.locator(`#${id}`).click();
    await page.locator(`#${id}`).fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
    try {
      await selected(page, id, label).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      const shown = await page.locator(`.ant-select:has(#${id})`).first().textContent();
      if (attempt === 2) throw new Error(`${id}: chose ${label}, the field shows "${shown}"`, { cause: error });
    }
  }
}

/** Types each tag and presses Enter; waits until the field shows it (a busy page may take the key before the text). */
async function addTags(page: Page, id: string, tags: string[]): Promise<void> {
  for (const tag of tags) {
    const field = page.locator(`#${id}`);
    await field.fill(tag);
    await expect.poll(() => field.inputValue()).toBe(tag);
    await field.press('Enter');
    await selected(page, id, tag).first().waitFor();
  }
}

async function pickDate(page: Page, id: string, date: string): Promise<void> {
  const field = page.locator(`#${id}`);
  await field.click();
  await field.fill(date);
  await field.press('Enter');
  await expect.poll(() => field.inputValue()).toBe(date);
}

/**
 * The editor's verdict on the required fields; when it is not yet complete, also what the server still
 * reports for the saved record (so a failure says which field was missed).
 */
async function completeness(page: Page): Promise<string> {
  const text = (await page.getByTestId('completeness').first().textContent()) ?? '';
  if (text === '必填项已完整') return text;
  const id = /\/resources\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const problems = await page.evaluate(async (resourceId) => {
    const response = await fetch(`/api/resources/${resourceId}`);
    const detail = (await response.json()) as { problems?: Array<{ path: string; code: string }> };
    return (detail.problems ?? []).map((p) => `${p.path} ${p.code}`).join(', ');
  }, id);
  return `${text} (server: ${problems})`;
}

/** Chromium's network emulation: limit the upload rate (MB/s), or lift the limit with null. */
async function throttleUploads(cdp: CDPSession, mbPerSecond: number | null): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: mbPerSecond === null ? -1 : mbPerSecond * MiB,
  });
}

describe.runIf(RUN_BROWSER_TESTS)('describing a resource, uploading its data and submitting it', () => {
  const session = useBrowserSession({ name: 'resources' });
  let page: Page;
  let big: { file: string; sha256: string };

  beforeAll(async () => {
    big = writeBigFile(session.dir);
    page = await session.newPage();
  });

  it('creates 科学数据, fills it in Chinese, resumes a 200 MB upload after a reload, checks its SHA-256 and submits', async () => {

    // 1. The submitter opens a subject of theirs and its resources.
    await logIn(page, 'submitter');
    await page.getByTestId('side-menu').getByText('我的工作').click();
    await page.locator('tr', { hasText: SUBJECT_CODE }).locator('a').first().click();
    await page.getByTestId('resources-tab').click();
    await page.getByTestId('subject-resources').waitFor();
    await page.getByTestId('delivery-data').waitFor();
    // The demo subject already has four data resources in review or released (its certificate story).
    expect(await page.getByTestId('delivery-data').textContent()).toContain('已提交 4 / 计划 4');

    // 2. A new 科学数据 resource: the editor shows what it counts towards — nothing, the four planned are there.
    await page.getByTestId('resource-create').click();
    await page.getByTestId('resource-type-data').click();
    await page.getByTestId('resource-create-ok').click();
    await page.getByTestId('standard-form').waitFor();
    expect(await page.getByTestId('plan-line').textContent()).toBe('不在已批准计划内');
    expect(await page.getByTestId('resource-status').textContent()).toBe('草稿');

    // 3. Submitting the empty draft is refused: the server's messages land on the fields.
    await page.getByTestId('resource-submit').click();
    await page.getByTestId('validation-errors').waitFor();
    expect(await page.locator('#root_descriptionZh__error').textContent()).toContain('描述（中文）为必填项');
    await shot(page, 'res-01-refused');

    // 4. The required fields, in Chinese.
    await page.locator('#root_titleZh').fill('浙江省成人慢性病队列基线调查数据集（2019—2021）');
    await page.locator('#root_descriptionZh').fill('本数据集汇交了浙江省 12 个区县 4.2 万名成人的基线调查数据，包括问卷、体格检查与生化检测结果。');
    await addTags(page, 'root_keywordsZh', ['慢性病', '队列研究']);
    await choose(page, 'root_discipline', '预防医学', '预防医学与公共卫生学');
    await page.locator('#root_creators__add').click();
    await page.locator('#root_creators_0_name').fill('刘洋');
    await page.locator('#root_contact_name').fill('张晓雨');
    await page.locator('#root_contact_email').fill('zhang.xiaoyu@zju.example.cn');
    await pickDate(page, 'root_dateCreated', '2021-06-30');
    await choose(page, 'root_licence', '署名', '知识共享 署名 4.0');
    await choose(page, 'root_sharingMode', '申请', '申请审批');
    await choose(page, 'root_studyType', '队列', '队列研究');
    await page.locator('#root_population').fill('浙江省 12 个区县 35—74 岁常住居民，排除严重精神疾病者。');
    await page.locator('#root_sampleSize').fill('42000');
    await addTags(page, 'root_spatialCoverage', ['330000']);
    await pickDate(page, 'root_temporalCoverageStart', '2019-03-01');
    await page.locator('#root_methods').fill('采用多阶段分层整群抽样，由经统一培训的调查员开展面对面问卷调查与体格检查。');
    await choose(page, 'root_dataFormats', 'CSV', 'CSV');
    await page.keyboard.press('Escape');
    await page.locator('#root_ethicsApprovalNumber').fill('ZJU-IRB-2018-056');
    await page.locator('#root_informedConsent').getByText('是').click();
    await page.locator('#root_involvesHumanGeneticResources').getByText('否').click();
    await page.locator('#root_deIdentificationStatement').fill('已删除姓名、身份证号、联系电话等直接标识符，研究对象以随机编号标识。');
    // Autosaved about 1.5 s after the last change; the server then finds nothing to fix.
    await page.locator('[data-testid=save-state][data-state=saved]').first().waitFor();
    await expect.poll(() => completeness(page), { timeout: 30_000 }).toBe('必填项已完整');
    expect(await page.getByTestId('resource-title').textContent()).toBe('浙江省成人慢性病队列基线调查数据集（2019—2021）');
    await shot(page, 'res-02-filled');

    // 5. The 200 MB file, uploaded slowly enough to be interrupted by a reload past 20 %.
    await page.getByTestId('files-tab').click();
    const cdp = await page.context().newCDPSession(page);
    await throttleUploads(cdp, 25);
    await page.getByTestId('file-input').setInputFiles(big.file);
    const row = page.getByTestId('upload-row').first();
    await expect.poll(async () => Number(await row.getAttribute('data-percent')), { timeout: 60_000, interval: 100 }).toBeGreaterThan(20);
    expect(await row.getAttribute('data-status')).toBe('uploading');
    await page.reload();
    await throttleUploads(cdp, null);

    // 6. After the reload the page remembers the unfinished upload; the same file resumes, not restarts.
    await page.getByTestId('upload-interrupted').waitFor();
    await page.getByTestId('file-input').setInputFiles(big.file);
    const resumed = page.getByTestId('upload-resumed');
    await resumed.waitFor();
    const resumedAt = Number(/(\d+)%/.exec((await resumed.textContent()) ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(15);
    expect(Number(await row.getAttribute('data-percent'))).toBeGreaterThan(15);
    await shot(page, 'res-03-resumed');

    // 7. Done: the stored file shows the SHA-256 the server computed, equal to ours.
    await page.locator('[data-testid=upload-row][data-status=done]').waitFor({ timeout: 120_000 });
    const sha = page.getByTestId('file-sha256').first();
    await sha.waitFor();
    expect((await sha.textContent())?.trim()).toBe(big.sha256);
    expect(await page.getByTestId('file-path').first().textContent()).toBe(path.basename(big.file));
    expect(await page.getByTestId('upload-totals').getAttribute('data-percent')).toBe('100');
    await shot(page, 'res-04-uploaded');

    // 8. Submitted: it enters unit review and the description becomes read-only.
    await page.getByTestId('resource-submit').click();
    await page.getByTestId('resource-locked').waitFor();
    expect(await page.getByTestId('resource-status').textContent()).toBe('单位审核中');
    await page.getByRole('tab', { name: '描述信息' }).click();
    expect(await page.locator('#root_titleZh').isDisabled()).toBe(true);
    await shot(page, 'res-05-submitted');

    // 9. Back on the subject, it counts as delivered (beyond the plan).
    await page.getByRole('link', { name: SUBJECT_CODE }).click();
    await page.getByTestId('delivery-data').getByText('已提交 5 / 计划 4').waitFor();
  });
});
