import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@labshare/testkit';
import { startPlatform, type RunningPlatform } from '../support/platform-process';
import { launchChromium, screenshot, signIn } from './console-browser';
import { devToken, platformApi } from './platform-setup';

const MINUTE = 60_000;
const PROVIDER = 'Pilot Zone University';
const CONSUMER = 'Riverside Robotics';

/** The pass's claims (its JWT payload): `bid` names the booking. */
function passClaims(token: string): { bid: string } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { bid: string };
}

/** Midnight starting next week's Monday in the resources' zone: the week "Next week" shows. */
function nextMonday(): DateTime {
  return DateTime.now().setZone('Asia/Shanghai').startOf('week').plus({ weeks: 1 });
}

/**
 * The web console in real headless Chromium against `npm start`: everything a user does goes
 * through the pages, everything they find is checked against the public API.
 */
describe('web console in Chromium', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-console-'));
  let platform: RunningPlatform;
  let browser: Browser;
  let api: ReturnType<typeof platformApi>;
  const tokens: Record<'admin' | 'manager' | 'booker' | 'device', string> = {
    admin: '',
    manager: '',
    booker: '',
    device: '',
  };
  const ids = { provider: '', consumer: '', microscope: '', cleanRoom: '', sem: '', spectrometer: '' };

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startPlatform(dataDir), launchChromium()]);
    api = platformApi(platform.url);
    tokens.admin = await devToken(platform.url, { sub: 'zone-admin', org: 'zone', roles: ['admin'] });
    ids.provider = await api.newOrg(tokens.admin, PROVIDER, 'university');
    ids.consumer = await api.newOrg(tokens.admin, CONSUMER, 'enterprise');
    tokens.manager = await devToken(platform.url, {
      sub: 'lab-manager',
      org: ids.provider,
      roles: ['org_admin'],
    });
    tokens.booker = await devToken(platform.url, { sub: 'engineer', org: ids.consumer, roles: ['booker'] });
    tokens.device = await devToken(platform.url, { sub: 'door-1', org: ids.provider, roles: ['device'] });
    const resource = (name: string, policy: Record<string, unknown>) =>
      api.newResource(tokens.manager, {
        orgId: ids.provider,
        kind: 'equipment',
        name,
        location: { campus: 'Lingang', building: 'B2', room: '101' },
        policy,
        rates: { perHour: { internal: 0, enterprise: 12_000 }, incrementMinutes: 15 },
      });
    // Free to cancel until an hour before the start: next week's slots are always further away than
    // that, whatever the day and hour the test runs (the default, a day, is too short on a Sunday).
    const freeCancel = { freeCancelMinutes: 60 };
    ids.microscope = await resource('Confocal microscope', {
      slotMinutes: 60,
      minMinutes: 60,
      ...freeCancel,
    });
    ids.spectrometer = await resource('Raman spectrometer', {
      slotMinutes: 60,
      minMinutes: 60,
      ...freeCancel,
    });
    ids.cleanRoom = await resource('Clean room', { slotMinutes: 60, minMinutes: 60, approval: 'all' });
    const policy = await api.call('PUT', '/v1/subsidy/policy', tokens.admin, {
      currency: 'CNY',
      perHour: { lab: 6_000, equipment: 6_000, classroom: 3_000 },
      consumerMultiplier: { university: 1, enterprise: 1.5, training_body: 1, government: 1, other: 1 },
      capPerProvider: 1_000_000,
    });
    expect(policy.status).toBeLessThan(300);
    ids.sem = await resource('Scanning electron microscope', {
      slotMinutes: 5,
      minMinutes: 5,
      passEarlyMinutes: 60,
    });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const newPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> =>
    (await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Berlin' })).newPage();

  it('when a booker finds a free slot and books it (hold, then confirm), then it is in "my bookings" and its pass opens as a QR code', async () => {
    const page = await newPage();
    await page.goto(platform.url);
    await page.getByLabel('Organisation').waitFor();
    await screenshot(page, 'sign-in');
    await signIn(page, platform.url, { orgName: CONSUMER, role: 'Booker', sub: 'engineer' });

    await page.getByRole('searchbox', { name: 'Search' }).fill('confocal');
    await page.getByRole('link', { name: 'Confocal microscope' }).waitFor();
    await page.getByRole('link', { name: 'Clean room' }).waitFor({ state: 'detached' }); // filtered out
    await screenshot(page, 'catalogue');
    await page.getByRole('link', { name: 'Confocal microscope' }).click();

    await page.getByText('¥120.00 per hour for you (enterprise)').waitFor();
    await page.getByRole('button', { name: 'Next week' }).click(); // next week is free whatever today is
    // Shown in the resource's zone (Shanghai, Monday 10:00), the viewer's own (Berlin) on hover:
    // 03:00 in winter, 04:00 under summer time.
    const monday = nextMonday().plus({ hours: 10 });
    const inBerlin = monday.setZone('Europe/Berlin').toFormat('HH:mm');
    const freeSlot = page.getByRole('button', { name: /^Free: Mon, .* 10:00–11:00$/ });
    expect(await freeSlot.getAttribute('title')).toMatch(new RegExp(`${inBerlin}.*\\(Europe/Berlin\\)$`));
    await freeSlot.focus(); // the calendar works from the keyboard
    await page.keyboard.press('Enter');
    await page.getByText('Estimated price: ¥120.00').waitFor();
    await page.getByRole('button', { name: 'Hold this slot' }).click();
    await page.getByText(/Held for you until/).waitFor();
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByText('Booked: confirmed. Price ¥120.00.').waitFor();
    await screenshot(page, 'resource-week');

    const mine = await api.call('GET', `/v1/bookings?resourceId=${ids.microscope}`, tokens.booker);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        status: 'confirmed',
        userId: 'engineer',
        price: { amount: 12_000, currency: 'CNY' },
      }),
    ]);
    const booking = mine.body.items[0];

    await page.getByRole('navigation').getByRole('link', { name: 'My bookings' }).click();
    const card = page.getByRole('listitem', { name: 'Confocal microscope' });
    await card.getByText('confirmed').waitFor();
    await screenshot(page, 'my-bookings');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByText('Cancelling now is free.').waitFor(); // next week: inside the free-cancel window
    await card.getByRole('button', { name: 'Keep it' }).click();

    await page.setViewportSize({ width: 390, height: 844 }); // the pass is shown on a phone
    await card.getByRole('link', { name: 'Pass' }).click();
    const qr = page.locator('.qr svg');
    await qr.waitFor();
    const passToken = await page.locator('.qr').getAttribute('data-pass-token');
    expect(passClaims(passToken!).bid).toBe(booking.id);
    expect((await qr.boundingBox())!.width).toBeGreaterThan(300);
    await screenshot(page, 'pass');
  }, 120_000);

  it('when bookings wait for approval, then the lab manager approves one and rejects the other with a reason', async () => {
    const start = DateTime.now().plus({ days: 2 }).startOf('hour');
    const ask = async (hours: number, purpose: string) => {
      const answer = await api.call('POST', '/v1/bookings', tokens.booker, {
        resourceId: ids.cleanRoom,
        start: start.plus({ hours }).toISO(),
        end: start.plus({ hours: hours + 2 }).toISO(),
        purpose,
      });
      expect(answer.body.status).toBe('pending');
      return answer.body.id as string;
    };
    const bonding = await ask(0, 'Wafer bonding trial');
    const etching = await ask(3, 'Etching run');

    const page = await newPage();
    await signIn(page, platform.url, { orgName: PROVIDER, role: 'Lab manager', sub: 'lab-manager' });
    await page.getByRole('navigation').getByRole('link', { name: 'Approvals' }).click();
    const card = (purpose: string) => page.getByRole('listitem').filter({ hasText: purpose });
    await card('Wafer bonding trial').waitFor();
    await card('Etching run').waitFor();
    await screenshot(page, 'approvals');
    await card('Wafer bonding trial').getByRole('button', { name: 'Approve' }).click();
    await card('Wafer bonding trial').waitFor({ state: 'detached' });
    await card('Etching run').getByRole('button', { name: 'Reject' }).click();
    await card('Etching run').getByLabel('Reason for rejecting').fill('The etcher is booked for calibration');
    await card('Etching run').getByRole('button', { name: 'Reject' }).last().click();
    await page.getByText('Nothing waits for approval.').waitFor();

    const decided = async (id: string) => (await api.call('GET', `/v1/bookings/${id}`, tokens.booker)).body;
    expect(await decided(bonding)).toMatchObject({ status: 'confirmed' });
    expect(await decided(etching)).toMatchObject({
      status: 'rejected',
      reason: 'The etcher is booked for calibration',
    });
  }, 120_000);

  it('when a booker repeats a slot weekly, then the conflicting week is shown before booking and skipped', async () => {
    const tuesday = nextMonday().plus({ days: 1, hours: 14 });
    const taken = await api.call('POST', '/v1/bookings', tokens.manager, {
      resourceId: ids.microscope,
      start: tuesday.plus({ weeks: 1 }).toISO(),
      end: tuesday.plus({ weeks: 1, hours: 1 }).toISO(),
    });
    expect(taken.status).toBe(201);

    const page = await newPage();
    await signIn(page, platform.url, { orgName: CONSUMER, role: 'Booker', sub: 'engineer' });
    await page.goto(`${platform.url}/resources/${ids.microscope}`);
    await page.getByRole('button', { name: 'Next week' }).click();
    const when = tuesday.setLocale('en-GB').toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
    await page.getByRole('button', { name: `Free: ${when}–15:00` }).click();
    await page.getByLabel('Weeks').fill('3');
    await page.getByRole('button', { name: 'Check the dates' }).click();
    const dates = page.getByRole('list', { name: 'Repeat weekly' }).getByRole('listitem');
    await dates.first().waitFor();
    expect(await dates.allTextContents()).toEqual([
      expect.stringMatching(/: Free$/),
      expect.stringMatching(/: conflict, will be skipped$/),
      expect.stringMatching(/: Free$/),
    ]);
    await screenshot(page, 'series');
    await page.getByRole('button', { name: 'Book the 2 free dates' }).click();
    await page.getByText('Series booked: 2 dates booked, 1 skipped.').waitFor();

    await page.getByLabel('Language').selectOption({ label: '中文' });
    await page.getByRole('button', { name: '下一周' }).waitFor();
    await screenshot(page, 'resource-week-zh');
  }, 120_000);

  it('when a booker moves a booking to another free hour, waits for a taken one and cancels, then each reaches the API', async () => {
    const monday = nextMonday().plus({ hours: 9 });
    const slot = (start: DateTime) => ({
      resourceId: ids.spectrometer,
      start: start.toISO(),
      end: start.plus({ hours: 1 }).toISO(),
    });
    const mine = await api.call('POST', '/v1/bookings', tokens.booker, slot(monday));
    const taken = await api.call('POST', '/v1/bookings', tokens.manager, slot(monday.plus({ days: 1 })));
    expect([mine.status, taken.status]).toEqual([201, 201]);
    const label = (start: DateTime) =>
      `${start.setLocale('en-GB').toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)}–${start.plus({ hours: 1 }).toFormat('HH:mm')}`;

    const page = await newPage();
    await signIn(page, platform.url, { orgName: CONSUMER, role: 'Booker', sub: 'engineer' });
    await page.getByRole('navigation').getByRole('link', { name: 'My bookings' }).click();
    await page
      .getByRole('listitem', { name: 'Raman spectrometer' })
      .getByRole('link', { name: 'Reschedule' })
      .click();
    await page.getByText('Choose a free time to move your booking to.').waitFor();
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('button', { name: `Free: ${label(monday.plus({ hours: 2 }))}` }).click();
    await page.getByRole('button', { name: 'Move my booking here' }).click();
    await page.getByText('Booking moved.').waitFor();
    const moved = await api.call('GET', `/v1/bookings/${mine.body.id}`, tokens.booker);
    expect(Date.parse(moved.body.start)).toBe(monday.plus({ hours: 2 }).toMillis());

    await page.goto(`${platform.url}/resources/${ids.spectrometer}`);
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('button', { name: `Busy or closed: ${label(monday.plus({ days: 1 }))}` }).click();
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await page.getByText(/^You are on the waitlist/).waitFor();
    const waiting = await api.call('GET', `/v1/waitlist?resourceId=${ids.spectrometer}`, tokens.booker);
    expect(waiting.body.items).toEqual([
      expect.objectContaining({
        status: 'waiting',
        start: monday.plus({ days: 1 }).toUTC().toISO({ suppressMilliseconds: false }),
      }),
    ]);
    await page.getByRole('navigation').getByRole('link', { name: 'My bookings' }).click();
    const card = page.getByRole('listitem', { name: 'Raman spectrometer' });
    await card.getByRole('button', { name: 'Cancel' }).click();
    await card.getByText('Cancelling now is free.').waitFor();
    await card.getByRole('button', { name: 'Cancel the booking' }).click();
    await card.getByText('cancelled').waitFor();
    const cancelled = await api.call('GET', `/v1/bookings/${mine.body.id}`, tokens.booker);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.fee).toBeUndefined();
  }, 120_000);

  it('when a lab manager opens a resource with weekday hours and a blackout in the editor, then the API and its week calendar follow them', async () => {
    const page = await newPage();
    await signIn(page, platform.url, { orgName: PROVIDER, role: 'Lab manager', sub: 'lab-manager' });
    await page.getByRole('navigation').getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'New resource' }).click();
    await page.getByLabel('Name').fill('Teaching lab');
    await page.getByLabel('Kind').selectOption({ label: 'Lab' });
    await page.getByRole('button', { name: 'Add opening hours' }).click();
    const hours = page.getByRole('group', { name: 'Opening hours 1' });
    await hours.getByLabel('Opens').fill('09:00');
    await hours.getByLabel('Closes').fill('17:00');
    await hours.getByLabel('Fri').uncheck();
    await page.getByLabel('enterprise').fill('80');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Edit Teaching lab' }).waitFor();
    const monday = nextMonday();
    await page.getByLabel('From').fill(monday.set({ hour: 9 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByLabel('Until').fill(monday.set({ hour: 12 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByLabel('Reason').fill('Fume hood service');
    await page.getByRole('button', { name: 'Add blackout' }).click();
    await page.getByText('Blackout added; it hits 0 booking(s).').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Fume hood service' }).waitFor();
    await screenshot(page, 'resource-editor');

    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const stored = await api.call('GET', `/v1/resources/${id}`, tokens.manager);
    expect(stored.body).toMatchObject({
      kind: 'lab',
      openingHours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH', start: '09:00', end: '17:00' }],
      rates: { perHour: { enterprise: 8_000 } },
      blackouts: [
        expect.objectContaining({
          start: monday.set({ hour: 9 }).toUTC().toISO(),
          end: monday.set({ hour: 12 }).toUTC().toISO(),
          reason: 'Fume hood service',
        }),
      ],
    });
    // 30-minute bookings from 09:00 to 16:30, Monday to Thursday, less Monday 09:00–11:30 (the blackout)
    const bookable = 16 * 4 - 6;
    await waitFor(
      async () => {
        const week = `from=${monday.toUTC().toISO()}&to=${monday.plus({ weeks: 1 }).toUTC().toISO()}`;
        const free = await api.call(
          'GET',
          `/v1/availability?resourceId=${id}&${week}&durationMinutes=30`,
          tokens.manager,
        );
        return free.body.slots?.length === bookable;
      },
      { what: 'booking knows the resource and its blackout' },
    );
    await page.goto(`${platform.url}/resources/${id}`);
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('button', { name: /^Free: Mon.* 12:00/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Free: / }).count()).toBe(bookable);

    await page.setViewportSize({ width: 390, height: 844 }); // on a phone the week scrolls sideways
    await page.getByRole('button', { name: /^Free: Thu.* 16:30/ }).click();
    await page.getByRole('heading', { name: /^Selected: Thu.* 16:30–17:00$/ }).waitFor();
    await screenshot(page, 'resource-week-phone');
  }, 120_000);

  it('when a lab manager grants a qualification and creates a door-device token, then both work through the API', async () => {
    const page = await newPage();
    await signIn(page, platform.url, { orgName: PROVIDER, role: 'Lab manager', sub: 'lab-manager' });
    await page.getByRole('navigation').getByRole('link', { name: 'Manage' }).click();
    const qualifications = page.getByRole('region', { name: 'Qualifications' });
    await qualifications.getByLabel('User name').fill('technician-7');
    await qualifications.getByLabel('Qualification').fill('laser safety');
    await qualifications.getByRole('button', { name: 'Grant' }).click();
    await qualifications.getByText('technician-7: laser safety').waitFor();
    const granted = await api.call('GET', '/v1/qualifications?userId=technician-7', tokens.manager);
    expect(granted.body.items).toEqual([
      expect.objectContaining({ name: 'laser safety', orgId: ids.provider }),
    ]);

    const devices = page.getByRole('region', { name: 'Door device tokens' });
    await devices.getByLabel('Device name').fill('door-2');
    await devices.getByRole('button', { name: 'Create device token' }).click();
    const deviceToken = await devices.getByRole('textbox', { name: /^Token for door-2/ }).inputValue();
    await screenshot(page, 'manage');
    const revocations = await api.call('GET', '/v1/access/revocations', deviceToken);
    expect(revocations.status).toBe(200);
  }, 120_000);

  it('when finance downloads the issued statement as CSV, then its total matches the page', async () => {
    await useTheSemOnce();
    const period = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
    const finance = await devToken(platform.url, {
      sub: 'accountant',
      org: ids.consumer,
      roles: ['finance'],
    });
    await waitFor(
      async () =>
        (await api.call('GET', `/v1/statements?orgId=${ids.consumer}&period=${period}`, finance)).body.lines
          ?.length === 1,
      { what: 'the usage line on the open statement' },
    );
    const issued = await api.call('POST', '/v1/statements/issue', finance, { orgId: ids.consumer, period });
    expect(issued.status).toBeLessThan(300);

    const page = await newPage();
    await signIn(page, platform.url, { orgName: CONSUMER, role: 'Finance', sub: 'accountant' });
    await page.getByRole('navigation').getByRole('link', { name: 'Finance' }).click();
    await page.getByText(/^Number LS-\d{6}-\d{6}$/).waitFor();
    const totalCell = page.getByTestId('statement-total');
    const pageTotal = Number(await totalCell.getAttribute('data-amount'));
    expect(pageTotal).toBeGreaterThan(0);
    expect(await totalCell.textContent()).toBe(`¥${(pageTotal / 100).toFixed(2)}`);
    await screenshot(page, 'finance');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`statement-${ids.consumer}-${period}.csv`);
    const [header, ...rows] = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n')
      .map((row) => row.split(','));
    const column = (name: string) => header!.indexOf(name);
    const lines = rows.filter((r) => !['gross', 'credits', 'net'].includes(r[column('kind')]!));
    const net = rows.find((r) => r[column('kind')] === 'net')!;
    expect(lines.reduce((sum, r) => sum + Number(r[column('amount')]), 0)).toBe(pageTotal);
    expect(Number(net[column('amount')])).toBe(pageTotal);
  }, 180_000);

  it('when the zone administrator settles the month, then the provider subsidy shows as settled', async () => {
    const page = await newPage();
    await signIn(page, platform.url, { orgName: PROVIDER, role: 'Zone administrator', sub: 'zone-admin' });
    await page.getByRole('navigation').getByRole('link', { name: 'Zone' }).click();
    const row = page.getByRole('row').filter({ hasText: PROVIDER }).first();
    await row.getByText('accruing').waitFor();
    await page.getByRole('img', { name: 'Payable subsidy per provider' }).getByText(PROVIDER).waitFor();
    await screenshot(page, 'zone-admin');
    await page.getByRole('button', { name: /^Settle / }).click();
    await row.getByText('settled').waitFor();
  }, 120_000);

  /**
   * The booker uses the SEM now for a moment: booked and its pass issued through the API, then
   * checked in and out on the door page, on a phone signed in as the provider's door device.
   */
  async function useTheSemOnce(): Promise<void> {
    const start = Math.ceil((Date.now() + MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
    const booking = await api.call('POST', '/v1/bookings', tokens.booker, {
      resourceId: ids.sem,
      start: new Date(start).toISOString(),
      end: new Date(start + 30 * MINUTE).toISOString(),
    });
    expect(booking.status).toBe(201);
    const pass = await waitFor(
      async () => {
        const answer = await api.call('POST', '/v1/passes', tokens.booker, { bookingId: booking.body.id });
        return answer.status === 201 && answer.body;
      },
      { what: 'a pass once access knows the booking' },
    );
    const door = await newPage({ width: 390, height: 844 });
    await signIn(door, platform.url, { orgName: PROVIDER, role: 'Door device', sub: 'door-1' });
    await door.getByLabel('Resource').selectOption({ label: 'Scanning electron microscope' });
    await door.getByLabel('Pass (scanned or pasted)').fill(pass.token);
    await door.getByRole('button', { name: 'Check in' }).click();
    await door.getByText('Checked in. Welcome!').waitFor();
    await screenshot(door, 'door');
    await door.getByRole('button', { name: 'Check out' }).click();
    await door.getByText(/^Checked out after \d+ min\.$/).waitFor();
    const used = await api.call('GET', `/v1/bookings/${booking.body.id}`, tokens.booker);
    expect(used.body.status).toBe('confirmed');
  }
});
