import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { creditCodeCheckChar, isValidCreditCode } from '../common/credit-code';
import { RUN_BROWSER_TESTS, shot } from './support/browser';
import { logIn, useBrowserSession } from './support/session';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid credit code no demo organisation uses: fixed region digits, random organisation code. */
function freshCreditCode(): string {
  let body = '91330100';
  for (let i = 0; i < 9; i += 1) body += ALPHABET.charAt(randomInt(ALPHABET.length));
  const code = body + creditCodeCheckChar(body);
  if (!isValidCreditCode(code)) throw new Error(`generated an invalid code ${code}`);
  return code;
}

/** The same code with a wrong check character. */
function withWrongCheckChar(code: string): string {
  const wrong = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(17)) + 1) % ALPHABET.length);
  return code.slice(0, 17) + wrong;
}

/** The antd form item (label, control, error) that holds the element with this test id. */
function formItemOf(page: Page, testId: string) {
  return page.locator('.ant-form-item').filter({ has: page.getByTestId(testId) });
}

describe.runIf(RUN_BROWSER_TESTS)('organisations and unit-scoped roles in the browser', () => {
  const session = useBrowserSession({ name: 'auth-orgs', viewport: { width: 1366, height: 860 }, actionTimeoutMs: 15_000 });
  let page: Page;

  beforeAll(async () => {
    page = await session.newPage();
  });

  it('creates a unit, grants unit_admin on it, and the grantee sees only that unit', async () => {
    const suffix = String(randomInt(10_000, 99_999));
    const unitZh = `汇交测试大学${suffix}`;
    const unitEn = `Huijiao Test University ${suffix}`;
    const creditCode = freshCreditCode();

    // 1. Chinese by default, on the login page and after logging in as the system administrator.
    await page.goto('/');
    await page.getByText('用户名或邮箱').waitFor();
    await shot(page, '01-login-zh');
    await logIn(page, 'admin');
    await expect(page.getByTestId('welcome').textContent()).resolves.toContain('欢迎');
    await expect(page.getByTestId('side-menu').textContent()).resolves.toContain('机构管理');
    await shot(page, '02-home-zh');

    // 2. Switch to English: the whole UI follows.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('side-menu').getByText('Organisations').waitFor();
    await expect(page.getByTestId('welcome').textContent()).resolves.toContain('Welcome');
    expect(await page.getByTestId('side-menu').textContent()).not.toContain('机构管理');

    // 3. A unit with a wrong check character is refused on the credit code field.
    await page.getByTestId('side-menu').getByText('Organisations').click();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-name-zh').fill(unitZh);
    await page.getByTestId('org-name-en').fill(unitEn);
    await page.getByTestId('org-credit-code').fill(withWrongCheckChar(creditCode));
    await page.getByTestId('org-save').click();
    const creditError = formItemOf(page, 'org-credit-code').locator('.ant-form-item-explain-error');
    await creditError.waitFor();
    expect(await creditError.textContent()).toContain('Invalid unified social credit code');
    await shot(page, '03-invalid-credit-code');

    // 4. With the right check character it is created and appears in the tree.
    await page.getByTestId('org-credit-code').fill(creditCode);
    await page.getByTestId('org-save').click();
    await page.getByTestId('org-table').getByText(unitEn).waitFor();
    await expect(page.getByTestId('org-table').getByText(creditCode).count()).resolves.toBe(1);
    await shot(page, '04-unit-created');

    // 5. Grant the demo user "member" unit_admin of the new unit.
    await page.getByTestId('side-menu').getByText('Users & roles').click();
    await page.getByTestId('user-search').locator('input').fill('member');
    await page.getByTestId('user-search').locator('input').press('Enter');
    await page.getByTestId('user-link-member').click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByTestId('grant-form').waitFor();
    await formItemOf(page, 'grant-role').locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('Unit administrator', { exact: true }).click();
    const scope = formItemOf(page, 'grant-scope');
    await scope.locator('.ant-select').click();
    await scope.locator('input').fill(suffix);
    await page.locator('.ant-select-dropdown:visible').getByTitle(unitEn).click();
    await drawer.getByTestId('grant-add').click();
    await drawer.getByTestId('grant-list').getByText('Unit administrator').waitFor();
    await shot(page, '05-granted');

    // 6. Log out.
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-name').waitFor();

    // 7. The grantee sees the new unit and nothing above it (the UI stays in English).
    await logIn(page, 'member');
    await page.getByTestId('side-menu').getByText('Organisations').click();
    const table = page.getByTestId('org-table');
    await table.getByText(unitEn).waitFor();
    await shot(page, '06-member-orgs');
    const rows = await table.getByTestId('org-row-name').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(unitEn);
    expect(await table.textContent()).not.toContain('Ministry of Science and Technology');
    expect(await table.textContent()).not.toContain('科学技术部');
  });
});
