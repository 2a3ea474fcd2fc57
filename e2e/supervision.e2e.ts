import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ReceivedMail } from '../server/src/test/smtp';
import { RUN_BROWSER_TESTS, shot } from './support/browser';
import { useBrowserSession } from './support/session';

const ZHEJIANG = '330000';
/** 吴琳's subject at 浙江大学: the demo's approved plan has a data line 45 days past due with nothing released. */
const OVERDUE_SUBJECT = '2021YFC2503003';
const OVERDUE_PI_EMAIL = 'wu.lin@zju.example.cn';
const NOTE = '请于本月底前完成哮喘患儿环境暴露监测数据的汇交。';
/** A scored subject whose inputs do not change between the demo's run and the recompute (no reuse reported on it). */
const SCORED_SUBJECT = '2021YFC2501001';
/** How long a view may take to show what the last request changed. */
const POLL = { timeout: 15_000 };
/**
 * The job 'mail-delivery' runs once a minute (the scheduler ticks every 15 s) and sends every due
 * mail (within a 30 s budget), so a mail queued now goes out within about two minutes even behind the
 * ~220 notifications a fresh demo queues.
 */
const MAIL_TIMEOUT = 180_000;

interface SubjectScore {
  run: { id: string; ruleVersion: number };
  rules: { weights: Record<'completion' | 'sharing', number>; sharing: Record<SharingPart, number>; targets: Record<SharingPart, number> };
  score: { total: number };
  inputs: { usage: Record<SharingPart, number> };
  components: { completion: number; sharing: number; total: number };
}
type SharingPart = 'views' | 'searchHits' | 'downloads' | 'uniqueUsers' | 'applications' | 'reuse';
const SHARING_PARTS: SharingPart[] = ['views', 'searchHits', 'downloads', 'uniqueUsers', 'applications', 'reuse'];

/** The subject's total (0–1) from its inputs under a rule set's weights (completion and sharing both present). */
function totalUnder(rules: SubjectScore['rules'], usage: SubjectScore['inputs']['usage'], completion: number): number {
  const sharing = SHARING_PARTS.reduce((sum, part) => sum + rules.sharing[part] * Math.min(1, usage[part] / rules.targets[part]), 0);
  return (rules.weights.completion * completion + rules.weights.sharing * sharing) / (rules.weights.completion + rules.weights.sharing);
}

/** The subject codes of the supervision list's rows, in order. */
async function subjectCodes(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('supervision-subjects').locator('tr[data-testid^="supervision-subject-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('supervision-subject-'.length));
}

/** The rows of a worksheet as objects keyed by the header row. */
function sheetRows(sheet: ExcelJS.Worksheet): Array<Record<string, string>> {
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const rows: Array<Record<string, string>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((header, index) => [header, String(values[index] ?? '')]).filter(([header]) => header !== '')));
  });
  return rows;
}

/** Types a value into an antd InputNumber (replacing what is there) and leaves the field, as a user would. */
async function setNumber(input: Locator, value: string): Promise<void> {
  await input.fill(value);
  await input.press('Tab');
}

// Two scenarios on one demo server, each person in their own browser session. The evaluation comes first:
// while it runs, the mail job works through the demo's backlog of notifications ahead of the reminder.
describe.runIf(RUN_BROWSER_TESTS)('supervision dashboard and evaluation in the browser', () => {
  const session = useBrowserSession({ name: 'supervision', smtp: true, serverTimeoutMs: 200_000, viewport: { width: 1440, height: 960 } });
  const signIn = (username: string) => session.signIn(username);

  it('the ministry admin changes a weight and sees scores recomputed', async () => {
    const admin = await signIn('ministry');
    const detail = async (runId?: string): Promise<SubjectScore> => {
      const response = await admin.request.get(`/api/evaluation/subjects/${SCORED_SUBJECT}${runId ? `?run=${runId}` : ''}`);
      expect(response.status()).toBe(200);
      return (await response.json()) as SubjectScore;
    };

    await admin.getByTestId('side-menu').getByText('绩效评价').click();
    await admin.waitForURL('**/evaluation');
    const runInfo = admin.getByTestId('score-run-info');
    await expect.poll(() => runInfo.textContent(), POLL).toMatch(/^第 1 版规则 · 截至 \d{4}-\d{2}-\d{2} · 共 \d+ 个课题参评$/);
    const totalCell = admin.getByTestId(`score-total-${SCORED_SUBJECT}`);
    const before = await detail();
    expect(before.run.ruleVersion).toBe(1);
    expect(await totalCell.textContent()).toBe(before.score.total.toFixed(2));

    // Views are past their target (part 1), downloads short of theirs: weight moved from views to downloads lowers sharing.
    const { usage } = before.inputs;
    expect(before.rules.sharing).toMatchObject({ views: 0.15, downloads: 0.25 });
    expect(usage.views).toBeGreaterThanOrEqual(before.rules.targets.views);
    expect(usage.downloads).toBeLessThan(before.rules.targets.downloads);
    expect(totalUnder(before.rules, usage, before.components.completion)).toBeCloseTo(before.components.total, 5);

    await admin.getByTestId('evaluation-rules-link').click();
    await admin.waitForURL('**/evaluation/rules');
    await admin.getByRole('heading', { name: '评价规则（第 1 版）' }).waitFor();
    const downloadsWeight = admin.getByTestId('weight-sharing-downloads');
    const viewsWeight = admin.getByTestId('weight-sharing-views');
    expect(await downloadsWeight.inputValue()).toBe('0.25');
    expect(await viewsWeight.inputValue()).toBe('0.15');
    await setNumber(downloadsWeight, '0.35');
    await setNumber(viewsWeight, '0.05');
    await expect.poll(() => admin.getByTestId('weight-sum-sharing').getAttribute('data-ok'), POLL).toBe('true');
    await admin.getByTestId('rules-note').fill('提高下载量权重，降低浏览量权重');
    await admin.getByTestId('rules-save').click();

    const recomputed = admin.getByTestId('rules-recomputed');
    await recomputed.waitFor({ timeout: 60_000 });
    expect(await recomputed.textContent()).toContain('已按第 2 版规则重新计算');
    await admin.getByRole('heading', { name: '评价规则（第 2 版）' }).waitFor();
    expect(await admin.getByTestId('rules-versions').textContent()).toContain('提高下载量权重，降低浏览量权重');
    await admin.getByTestId('rules-recomputed-link').click();
    await admin.waitForURL(/\/evaluation\?run=/);
    const runId = new URL(admin.url()).searchParams.get('run')!;

    await expect.poll(() => runInfo.textContent(), POLL).toMatch(/^第 2 版规则 · /);
    const after = await detail(runId);
    expect(after.run).toMatchObject({ id: runId, ruleVersion: 2 });
    expect(after.rules.sharing).toMatchObject({ views: 0.05, downloads: 0.35 });
    // Same inputs, new weights: the total is what the new weights give, below what the old ones give.
    expect(after.inputs.usage).toEqual(usage);
    const expected = totalUnder(after.rules, after.inputs.usage, after.components.completion);
    expect(after.components.total).toBeCloseTo(expected, 5);
    expect(after.score.total).toBeCloseTo(expected * 100, 2);
    const drop = 0.4 * 0.1 * (1 - usage.downloads / before.rules.targets.downloads);
    expect(totalUnder(before.rules, after.inputs.usage, after.components.completion) - expected).toBeCloseTo(drop, 9);
    await expect.poll(() => totalCell.textContent(), POLL).toBe(after.score.total.toFixed(2));
    expect(after.score.total).toBeLessThan(before.score.total);

    // The subject's own page explains the new number.
    await admin.getByTestId(`score-link-${SCORED_SUBJECT}`).click();
    await admin.getByTestId('computation-table').waitFor();
    await expect.poll(async () => (await admin.getByTestId('subject-total').textContent()) ?? '', POLL).toContain(after.score.total.toFixed(2));
    await admin.getByTestId('score-history').locator('svg').first().waitFor();
    await shot(admin, 'evaluation-subject', { fullPage: true });

    // A group that does not sum to 1: the server refuses it, no version 3.
    await admin.goto('/evaluation/rules');
    await admin.getByRole('heading', { name: '评价规则（第 2 版）' }).waitFor();
    await setNumber(admin.getByTestId('weight-sharing-views'), '0.5');
    await expect.poll(() => admin.getByTestId('weight-sum-sharing').textContent(), POLL).toBe('合计 1.45 · 应为 1');
    await admin.getByTestId('rules-note').fill('权重之和不为 1');
    await admin.getByTestId('rules-save').click();
    const error = admin.getByTestId('rules-error');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    expect(message).toContain('“共享度构成”的权重之和须为 1（当前为 1.45）');
    const rules = (await (await admin.request.get('/api/evaluation/rules')).json()) as { current: { version: number }; versions: unknown[] };
    expect(rules.current.version).toBe(2);
    expect(rules.versions).toHaveLength(2);
    expect(await admin.getByRole('heading', { name: '评价规则（第 2 版）' }).count()).toBe(1);
  });

  it('a province supervisor opens the dashboard, drills down to an overdue subject and sends a reminder', async () => {
    const supervisor = await signIn('zj_supervisor');
    await supervisor.getByTestId('side-menu').getByText('监督看板').click();
    await expect.poll(() => new URL(supervisor.url()).searchParams.get('province'), POLL).toBe(ZHEJIANG);
    await expect.poll(() => supervisor.getByTestId('drill-province').textContent(), POLL).toBe('浙江省');
    const table = supervisor.getByTestId('supervision-subjects');
    await table.locator('tr[data-testid^="supervision-subject-"]').first().waitFor();
    await supervisor.getByTestId('breakdown-chart').locator('canvas').first().waitFor();
    await supervisor.getByTestId('supervision-charts').locator('canvas').first().waitFor();
    await shot(supervisor, 'supervision-province', { fullPage: true });

    // The export holds the rows on screen (all of 浙江省, one page), nothing from another province.
    const shown = await subjectCodes(supervisor);
    expect(shown.length).toBeGreaterThan(0);
    expect(await table.textContent()).toContain(`共 ${shown.length} 个课题`);
    const pending = supervisor.waitForEvent('download');
    await supervisor.getByTestId('export-xlsx').click();
    const file = await pending;
    expect(await file.failure()).toBeNull();
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(session.dir, 'supervision.xlsx');
    await file.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('课题');
    expect(sheet).toBeDefined();
    const exported = sheetRows(sheet!);
    expect(exported.map((row) => row['课题编号']).sort()).toEqual([...shown].sort());
    expect(new Set(exported.map((row) => row['省份']))).toEqual(new Set(['浙江省']));
    expect(workbook.getWorksheet('汇总')).toBeDefined();

    // Province → 浙江大学 → its subjects.
    const zju = supervisor.getByTestId('breakdown-table').locator('tr[data-testid^="breakdown-row-"]', { hasText: '浙江大学' });
    const unitId = ((await zju.getAttribute('data-testid')) ?? '').slice('breakdown-row-'.length);
    expect(unitId).not.toBe('');
    const zjuSubjects = Number(await zju.locator('td').nth(1).textContent());
    expect(zjuSubjects).toBeGreaterThan(0);
    await zju.click();
    await expect.poll(() => new URL(supervisor.url()).searchParams.get('unitId'), POLL).toBe(unitId);
    await expect.poll(() => supervisor.getByTestId('drill-unit').textContent(), POLL).toBe('浙江大学');
    expect(await supervisor.getByTestId('breakdown').count()).toBe(0);
    const row = supervisor.getByTestId(`supervision-subject-${OVERDUE_SUBJECT}`);
    const overdueTag = row.getByTestId('overdue-line:data');
    await overdueTag.waitFor();
    expect(await overdueTag.textContent()).toMatch(/^逾期：.+/);
    // Its subjects: those it leads (the breakdown's count), and any it co-undertakes, all in 浙江省.
    await expect.poll(async () => (await subjectCodes(supervisor)).length, POLL).toBeGreaterThanOrEqual(zjuSubjects);
    const unitCodes = await subjectCodes(supervisor);
    expect(unitCodes.every((code) => shown.includes(code))).toBe(true);
    const withOverdue = await table.locator('tr[data-testid^="supervision-subject-"]', { has: supervisor.locator('[data-testid^="overdue-"]') }).count();
    expect(withOverdue).toBeGreaterThan(0);
    expect(withOverdue).toBeLessThan(unitCodes.length);

    // 仅看逾期: only the overdue subjects stay.
    await supervisor.getByTestId('filter-overdue').click();
    await expect.poll(() => new URL(supervisor.url()).searchParams.get('overdue'), POLL).toBe('true');
    await expect.poll(() => subjectCodes(supervisor), POLL).toHaveLength(withOverdue);
    const overdueCodes = await subjectCodes(supervisor);
    expect(overdueCodes).toContain(OVERDUE_SUBJECT);
    for (const code of overdueCodes) expect(await supervisor.getByTestId(`supervision-subject-${code}`).locator('[data-testid^="overdue-"]').count()).toBeGreaterThan(0);
    await shot(supervisor, 'supervision-unit-overdue');

    // Remind it, with a note.
    const remind = async (): Promise<string> => {
      await supervisor.getByTestId(`select-${OVERDUE_SUBJECT}`).check();
      await expect.poll(() => supervisor.getByTestId('remind-button').textContent(), POLL).toContain('（1）');
      await supervisor.getByTestId('remind-button').click();
      await supervisor.getByTestId('remind-modal').waitFor();
      await supervisor.getByTestId('remind-note').fill(NOTE);
      await expect.poll(() => supervisor.getByTestId('remind-preview').textContent(), POLL).toContain(NOTE);
      await supervisor.getByTestId('remind-send').click();
      const result = supervisor.getByTestId(`remind-result-${OVERDUE_SUBJECT}`);
      await result.waitFor();
      const text = (await result.textContent()) ?? '';
      await supervisor.getByTestId('remind-done').click();
      await supervisor.getByTestId('remind-modal').waitFor({ state: 'detached' });
      return text;
    };
    const first = await remind();
    const sentTo = /^已发送 (\d+) 人$/.exec(first);
    expect(sentTo, first).not.toBeNull();
    const recipients = Number(sentTo![1]);
    expect(recipients).toBeGreaterThanOrEqual(1);
    expect(await remind()).toBe('今日已提醒');

    // 提醒记录 lists it: manual, by 周明, with the note.
    await supervisor.getByTestId('tab-reminders').click();
    const log = supervisor.getByTestId('reminder-log');
    const logged = log.locator('tbody tr', { hasText: OVERDUE_SUBJECT });
    await expect.poll(() => logged.count(), POLL).toBe(recipients);
    const entry = (await logged.first().textContent()) ?? '';
    for (const part of ['吴琳', '人工催办', '周明', NOTE]) expect(entry).toContain(part);
    expect(await log.locator('tbody tr', { hasText: '吴琳' }).count()).toBe(1);

    // The mail reaches the PI through the outbox, with the subject code and the note.
    const reminderMails = () => session.inbox.filter((mail) => mail.subject.includes('汇交提醒') && mail.subject.includes(OVERDUE_SUBJECT));
    let mail: ReceivedMail | undefined;
    await expect
      .poll(() => (mail = reminderMails().find((m) => m.to.includes(OVERDUE_PI_EMAIL))), { timeout: MAIL_TIMEOUT, interval: 1_000 })
      .toBeDefined();
    expect(mail!.text).toContain(OVERDUE_SUBJECT);
    expect(mail!.text).toContain(NOTE);
    expect(mail!.text).toContain('周明');
    expect(mail!.text).toContain(`${session.server.url}/subjects/${OVERDUE_SUBJECT}`);
    // One mail per recipient: the second reminder of the day sent nothing.
    await expect.poll(() => reminderMails().length, POLL).toBe(recipients);
  }, MAIL_TIMEOUT + 120_000);
});
