import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passSigningKey } from '@labshare/auth';
import { devPassKeyFile } from './dev-pass-key';

describe('devPassKeyFile', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-dev-key-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when npm start runs twice on one data folder, then the key is made once and kept (same kid), readable only by its owner', () => {
    const file = devPassKeyFile(dataDir);
    const first = readFileSync(file, 'utf8');
    expect(devPassKeyFile(dataDir)).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(passSigningKey(first)).toMatchObject({ alg: 'ES256' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
