import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../../world/peerBinary.ts';
import { chromiumPath } from './chromium.ts';

/** Where every browser suite leaves its screenshots (git-ignored, kept by CI as artifacts). */
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** The laptop screen the console is designed for, and a phone-sized window. */
export const wideViewport = { width: 1280, height: 800 };
export const narrowViewport = { width: 390, height: 844 };

export interface ConsoleBrowser {
  browser: Browser;
  /** Opens a fresh, signed-out tab (its own cookies and sessionStorage) at `path` of the hub. */
  newPage(path?: string, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Saves `page` as `test-results/screenshots/<suite>-<name>.png`. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenConsoleOptions {
  hubUrl: string;
  /** Names the screenshots and the browser log, e.g. `fleet`. */
  suite: string;
  /** The world's log directory: the browser's console messages and page errors go to a file there. */
  logDir: string;
}

/**
 * Launches Debian's Chromium headless (no sandbox, as root in a container needs; no background networking,
 * so it talks to nothing but the hub and the identity provider) for one browser suite.
 */
export async function openConsole(options: OpenConsoleOptions): Promise<ConsoleBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--metrics-recording-only',
    ],
  });
  const log = join(options.logDir, `browser-${options.suite}.log`);
  const contexts: BrowserContext[] = [];
  mkdirSync(screenshotDir, { recursive: true });
  return {
    browser,
    async newPage(path = '/', pageOptions = {}) {
      const context = await browser.newContext({
        viewport: pageOptions.viewport ?? wideViewport,
        baseURL: options.hubUrl,
        locale: 'en-GB',
        timezoneId: 'UTC',
      });
      contexts.push(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      page.on('console', (message) => appendFileSync(log, `[${message.type()}] ${page.url()} ${message.text()}\n`));
      page.on('pageerror', (error) => appendFileSync(log, `[pageerror] ${page.url()} ${error.stack ?? error.message}\n`));
      await page.goto(path);
      return page;
    },
    async screenshot(page, name) {
      const file = join(screenshotDir, `${options.suite}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close();
    },
  };
}
