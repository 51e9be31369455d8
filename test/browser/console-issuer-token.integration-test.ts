import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../support/platform-process';
import { launchChromium, screenshot } from './console-browser';

const ISSUER_SECRET = 'a-configured-issuer-secret-for-tests';

/** With a configured issuer (AUTH_JWT_SECRET set), the console has no development sign-in. */
describe('web console with a configured token issuer', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-console-issuer-'));
  let platform: RunningPlatform;
  let browser: Browser;
  beforeAll(async () => {
    [platform, browser] = await Promise.all([
      startPlatform(dataDir, { env: { AUTH_JWT_SECRET: ISSUER_SECRET } }),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('when the gateway mints no tokens, then the console asks for the issuer token and signs in with it', async () => {
    const minted = await fetch(`${platform.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'x', org: 'zone', roles: ['admin'] }),
    });
    expect(minted.status).toBe(404);

    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(platform.url);
    const tokenField = page.getByLabel('Bearer token');
    await tokenField.waitFor();
    expect(await page.getByLabel('Organisation').count()).toBe(0);
    await screenshot(page, 'sign-in-issuer');

    await tokenField.fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That token cannot be read (or has expired).').waitFor();

    const token = jwt.sign({ sub: 'auditor', org: 'zone', roles: ['finance'] }, ISSUER_SECRET, {
      expiresIn: '1h',
    });
    await tokenField.fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Resources' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Finance' }).waitFor();
  }, 120_000);
});
