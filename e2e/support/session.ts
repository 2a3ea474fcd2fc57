import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSmtp, type ReceivedMail } from '../../server/src/test/smtp';
import { launchBrowser } from './browser';
import { DEMO_PASSWORD, ensureWebBuilt, startServer, type RunningServer } from './server';

export interface BrowserSessionOptions {
  /** Names the scenario in failure screenshots and temporary directories. */
  name: string;
  /** Start a real SMTP listener and point the server's mail at it. */
  smtp?: boolean;
  /** How long the server may take to be ready (the demo data loads first). */
  serverTimeoutMs?: number;
  viewport?: { width: number; height: number };
  /** The default timeout of every page action. */
  actionTimeoutMs?: number;
}

export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The mail the server sent (with `smtp: true`). */
  readonly inbox: ReceivedMail[];
  /** A directory for downloads and generated files, removed after the scenario. */
  readonly dir: string;
  /** The page opened last: the one a failure screenshot shows. */
  readonly page: Page;
  /** A fresh browser session (as a person on their own computer) and its page, not logged in. */
  newPage(): Promise<Page>;
  /** A fresh browser session logged in as this user. */
  signIn(username: string, password?: string): Promise<Page>;
  /** Makes an earlier page the current one again (the one a failure screenshot shows). */
  focus(page: Page): Page;
}

/** Logs in on the login page and waits for the home page. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-name').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome').waitFor();
}

/**
 * One browser scenario's world, set up and torn down with the suite that calls it: the real server on
 * the demo data (fresh PGlite directory), Chromium, optionally an SMTP listener; on a failed test a
 * full-page screenshot of the current page and the server's last output.
 */
export function useBrowserSession(options: BrowserSessionOptions): BrowserSession {
  const { name, viewport = { width: 1366, height: 900 }, actionTimeoutMs = 20_000, serverTimeoutMs = 120_000 } = options;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  let dir = '';
  let current: Page | undefined;
  const contexts: BrowserContext[] = [];

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} of the browser session is not started (used outside the suite?)`);
    return value;
  };

  const session: BrowserSession = {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get inbox() {
      return ready(smtp, 'SMTP listener').inbox;
    },
    get dir() {
      return dir;
    },
    get page() {
      return ready(current, 'page');
    },
    async newPage() {
      const context = await session.browser.newContext({ baseURL: session.server.url, viewport, acceptDownloads: true });
      contexts.push(context);
      current = await context.newPage();
      current.setDefaultTimeout(actionTimeoutMs);
      return current;
    },
    async signIn(username, password) {
      const page = await session.newPage();
      await logIn(page, username, password);
      return page;
    },
    focus(page) {
      current = page;
      return page;
    },
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), `hj-e2e-${name}-`));
    browser = await launchBrowser();
    ensureWebBuilt();
    if (options.smtp) smtp = await startSmtp();
    server = await startServer({ timeoutMs: serverTimeoutMs, env: smtp ? { SMTP_URL: smtp.url } : {} });
  }, serverTimeoutMs + 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach((test) => {
    test.onTestFailed(async () => {
      const file = path.join(tmpdir(), `hj-e2e-${name}-failure-${Date.now()}.png`);
      await current?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`Screenshot of the failure: ${file}\nServer output:\n${server?.output().slice(-4000) ?? '(no server)'}`);
    });
  });

  return session;
}

/**
 * Picks an option of the antd select with this test id (typing to filter first when given `search`)
 * and checks the select shows it; picks once more if a busy page lost the click.
 */
export async function pickOption(page: Page, testId: string, option: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (search) await page.keyboard.type(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    try {
      await select.filter({ hasText: option }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw new Error(`${testId}: picked ${option}, the select shows "${await select.textContent()}"`, { cause: error });
    }
  }
}
