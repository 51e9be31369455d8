import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newPassKeyPem } from '@labshare/auth';

/**
 * The key `npm start` signs access passes with when ACCESS_PASS_KEYS / ACCESS_PASS_KEY_FILES are
 * unset (never in production): an EC P-256 key made once in the git-ignored data folder and kept
 * there, so passes and devices' JWKS stay valid across restarts. Returns the file's path.
 */
export function devPassKeyFile(dataDir: string): string {
  const file = path.join(dataDir, 'access', 'dev-pass-key.pem');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, newPassKeyPem('ec'), { mode: 0o600, flag: 'wx' });
  }
  return file;
}
