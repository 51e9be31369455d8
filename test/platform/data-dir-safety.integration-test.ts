// npm start on a data folder that is in use, of another version, or to be wiped on purpose.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformEnv, runNpm, startPlatform, type RunningPlatform } from '../support/platform-process';

describe('npm start, data folder safety', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'labshare-safety-'));
  let platform: RunningPlatform | undefined;
  afterAll(async () => {
    await platform?.crash().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A folder as LabShare 0.1 left it: an ephemeral Kafka log and the JVM logs, no marker. */
  function oldLayout(name: string) {
    const dir = path.join(workDir, name);
    mkdirSync(path.join(dir, 'kafka-logs'), { recursive: true });
    writeFileSync(path.join(dir, 'kafka-logs', 'meta.properties'), 'cluster.id=old\n');
    writeFileSync(path.join(dir, 'kafka.log'), 'old log\n');
    return dir;
  }

  it('when a second npm start uses the same data folder, then it refuses, naming the running one', async () => {
    const dataDir = path.join(workDir, 'shared');
    platform = await startPlatform(dataDir);
    const second = await runNpm(['start'], platformEnv(dataDir, { PORT: '0' }));
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`${dataDir} is in use by npm start (process`);
    expect((await fetch(`${platform.url}/readyz`)).status).toBe(200);
    await platform.stop();
    platform = undefined;
  }, 180_000);

  it('when the data folder was written by another version, then npm start names it and leaves it as it is', async () => {
    const unversioned = oldLayout('old');
    const refused = await runNpm(['start'], platformEnv(unversioned, { PORT: '0' }));
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`${unversioned} has no labshare-data.json but is not empty`);
    expect(readdirSync(unversioned).sort()).toEqual(['kafka-logs', 'kafka.log']); // lock released
    expect(readFileSync(path.join(unversioned, 'kafka-logs', 'meta.properties'), 'utf8')).toBe(
      'cluster.id=old\n',
    );

    const future = path.join(workDir, 'future');
    mkdirSync(future);
    const marker = JSON.stringify({ format: 99, durable: true, createdAt: '2030-01-01T00:00:00Z' });
    writeFileSync(path.join(future, 'labshare-data.json'), marker);
    const newer = await runNpm(['start'], platformEnv(future, { PORT: '0' }));
    expect(newer.code).not.toBe(0);
    expect(newer.output).toContain(`${future} holds LabShare data of format 99`);
    expect(readFileSync(path.join(future, 'labshare-data.json'), 'utf8')).toBe(marker);
  });

  it('when npm start -- --reset (or LABSHARE_RESET=true) is given, then it lists what it deletes, wipes the folder and starts on a new one', async () => {
    const dataDir = oldLayout('reset-by-flag');
    platform = await startPlatform(dataDir, { args: ['--reset'] });
    expect(platform.output()).toContain(`reset: deleting everything in ${dataDir}`);
    expect(platform.output()).toMatch(/ {2}kafka\.log \(0\.0 MB\)/);
    expect(existsSync(path.join(dataDir, 'kafka.log'))).toBe(true); // the new broker's log
    expect(readFileSync(path.join(dataDir, 'kafka-logs', 'meta.properties'), 'utf8')).not.toContain(
      'cluster.id=old',
    );
    expect(JSON.parse(readFileSync(path.join(dataDir, 'labshare-data.json'), 'utf8'))).toMatchObject({
      format: 1,
    });
    await platform.stop();

    const byVariable = oldLayout('reset-by-variable');
    platform = await startPlatform(byVariable, { env: { LABSHARE_RESET: 'true' } });
    expect(platform.output()).toContain(`reset: deleting everything in ${byVariable}`);
    await platform.stop();
    platform = undefined;
  }, 240_000);
});
