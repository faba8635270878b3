import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/platform/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { ensureWebBuild } from './global-setup.js';

/** What every browser test needs: a real server with the demo estate, Chromium, a page, screenshots. */
export const CHROMIUM = '/usr/lib/chromium/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);
export const inCI = process.env.CI === 'true';
export const ADMIN_PASSWORD = 'Admin-pass-2026';
export const SCREENSHOTS = path.resolve('test-output/screenshots');
/**
 * The browser's own zone, far from the demo estate's (Asia/Hong_Kong, 16 hours apart): every
 * time on screen and every time typed must be the estate's wall clock, never the laptop's.
 */
export const BROWSER_TIME_ZONE = 'America/Vancouver';

if (!haveChromium && !inCI) {
  console.warn(
    `\n${'!'.repeat(72)}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}.\n!! Install it with: apt-get install chromium fonts-noto-cjk\n${'!'.repeat(72)}\n`,
  );
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Saves a numbered full-page screenshot under test-output/screenshots. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowserSession(opts: { prefix: string; viewport: { width: number; height: number } }): Promise<BrowserSession> {
  if (!haveChromium) throw new Error(`CI=true and there is no Chromium at ${CHROMIUM}: the browser tests cannot run`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-e2e-'));
  const server = await startServer({
    config: {
      // Passwords at the test cost: the demo's staff and every sign-in hash cheaply.
      ...loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'test' }),
      host: '127.0.0.1',
      port: 0,
      dataDir,
      databaseUrl: undefined,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'warn',
    },
    demo: true,
    logger: false,
  });
  // No --disable-gpu: headless Chromium then composites with its own software GL, and a
  // full-page screenshot takes about 0.1 s instead of 1.5 s of CPU on the slower path.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: opts.viewport, baseURL: server.url, timezoneId: BROWSER_TIME_ZONE });
  const page = await context.newPage();
  let step = 0;
  return {
    server,
    browser,
    page,
    shot: async (name) => {
      step++;
      await page.screenshot({ path: path.join(SCREENSHOTS, `${opts.prefix}${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
