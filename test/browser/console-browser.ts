// Real headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by
// playwright-core, for the web console's browser tests.
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Each launch gets a fresh temporary profile (user-data-dir) of its own, removed on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The development sign-in as a user would do it: organisation, role and name, then "Sign in". */
export async function signIn(page: Page, url: string, as: { orgName: string; role: string; sub: string }) {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Organisation').selectOption({ label: as.orgName });
  await page.getByLabel('Role').selectOption({ label: as.role });
  await page.getByLabel('User name').fill(as.sub);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Saves the page as docs/screenshots/<name>.png (README shows them). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots', `${name}.png`), fullPage: true });
}
