import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '@labshare/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** LABSHARE_DATA_DIR: where `npm start`'s local infrastructure keeps its data (and backups read it). */
export const dataDirSetting = env.text(path.join(repoRoot, '.data', 'platform'));
