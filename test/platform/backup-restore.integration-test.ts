// npm run backup / npm run restore: the data folder of a stopped platform, archived and put back.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { book, createOrg, createResource, slot, zoneAdmin } from '../support/platform-data';
import { platformEnv, runNpm, startPlatform, type RunningPlatform } from '../support/platform-process';

describe('backup and restore', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'labshare-backup-'));
  const dataDir = path.join(workDir, 'data');
  const archive = path.join(workDir, 'labshare.tar.gz');
  let platform: RunningPlatform | undefined;
  afterAll(async () => {
    await platform?.crash().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('when a backup of the stopped platform is restored into a wiped data folder, then the same GETs answer byte for byte; while it runs, backup refuses', async () => {
    platform = await startPlatform(dataDir);
    const provider = await createOrg(platform.api, 'university');
    const consumer = await createOrg(platform.api, 'enterprise');
    const resourceId = await createResource(platform.api, provider);
    const booked = await book(platform.api, consumer.booker(), resourceId, 3);
    expect(booked.status).toBe(201);
    const reads = [
      `/v1/orgs/${consumer.id}`,
      `/v1/resources/${resourceId}`,
      `/v1/bookings/${booked.body.id}`,
      `/v1/bookings?resourceId=${resourceId}`,
      `/v1/availability?resourceId=${resourceId}&from=${slot(0).start}&to=${slot(8).end}`,
    ];
    const answers = async (p: RunningPlatform) =>
      Promise.all(
        reads.map(async (url) => {
          const answer = await fetch(new URL(url, p.url), { headers: { authorization: zoneAdmin } });
          return `${answer.status} ${await answer.text()}`;
        }),
      );
    const before = await answers(platform);

    const whileRunning = await runNpm(['run', 'backup', '--', archive], platformEnv(dataDir));
    expect(whileRunning.code).not.toBe(0);
    expect(whileRunning.output).toMatch(/is in use by npm start \(process \d+/);
    expect(existsSync(archive)).toBe(false);

    await platform.stop();
    platform = undefined;
    const backup = await runNpm(['run', 'backup', '--', archive], platformEnv(dataDir));
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('backup: done');
    rmSync(dataDir, { recursive: true, force: true });
    const restore = await runNpm(['run', 'restore', '--', archive], platformEnv(dataDir));
    expect(restore.code, restore.output).toBe(0);

    platform = await startPlatform(dataDir);
    expect(await answers(platform)).toEqual(before);
  }, 240_000);
});
