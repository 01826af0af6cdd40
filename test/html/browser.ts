/*
 * Opens HTML pages in Debian's Chromium (or the browser at EVERYNODE_CHROMIUM) through
 * playwright-core, and records what a page must never do: request anything, open a dialog, throw.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Browser, chromium, Page } from 'playwright-core';

export const REPORTS_DIR = path.resolve(__dirname, '../../test-reports');

/** Browser tests start Chromium on a machine that runs other work: generous limits. */
export const BROWSER_TIMEOUT = 180_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.EVERYNODE_CHROMIUM ?? '/usr/bin/chromium' });
}

/** A page and what it did that it must not: requests beyond its own file, dialogs, errors. */
export interface OpenedPage {
  readonly page: Page;
  readonly requests: string[];
  readonly dialogs: string[];
  readonly errors: string[];
}

/** Writes `html` to a fresh file and opens it; waits for its script unless script is off. */
export async function openHtml(browser: Browser, html: string, options: { javaScriptEnabled?: boolean } = {}): Promise<OpenedPage> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-html-'));
  const file = path.join(dir, 'page.html');
  fs.writeFileSync(file, html);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const opened: OpenedPage = { page, requests: [], dialogs: [], errors: [] };
  const url = pathToFileURL(file).href;
  page.on('request', (request) => { if (request.url() !== url) opened.requests.push(request.url()); });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') opened.errors.push(message.text()); });
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await page.waitForSelector('html[data-ready=""][data-reasons]', { timeout: 60_000 });
  return opened;
}
