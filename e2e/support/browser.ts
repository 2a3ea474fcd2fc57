import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser scenarios run here: always in CI (where a missing browser must fail the
 * run), elsewhere only when the system Chromium exists. A browser is never downloaded.
 */
export const BROWSER_AVAILABLE = existsSync(CHROMIUM_PATH);
export const RUN_BROWSER_TESTS = BROWSER_AVAILABLE || process.env.CI === 'true';

export async function launchBrowser(): Promise<Browser> {
  if (!BROWSER_AVAILABLE) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Saves a screenshot when HJ_E2E_SHOTS names a directory (for looking at the UI, not for asserting);
 * `fullPage` takes the whole scrollable page rather than the viewport.
 */
export async function shot(page: Page, name: string, { fullPage = false }: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.HJ_E2E_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}
