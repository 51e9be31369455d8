// Real headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by
// playwright-core, for the web console's browser tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/**
 * Saves the page as docs/screenshots/<name>.png (README shows them), once it passes the
 * accessibility checks: every view the README shows is checked.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots', `${name}.png`), fullPage: true });
}

/**
 * WCAG 2 A/AA checks of the page as it is now, by axe-core (the engine of most accessibility
 * tools): labels, names, contrast, structure. Returns each violation as `rule: target`.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  // Runs in the page (a string: this file is type-checked without the DOM's types).
  const violations = (await page.evaluate(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then((result) => result.violations)",
  )) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}
