// Backup and restore of the data folder of `npm start`'s local infrastructure (LABSHARE_DATA_DIR),
// taken while the platform is stopped (both refuse while it runs):
//   npm run backup -- <file.tar.gz>
//   npm run restore -- <file.tar.gz>     (what the folder held is moved aside, not deleted)
import { parseArgs } from 'node:util';
import { loadConfig } from '@labshare/config';
import { backupDataDir, restoreDataDir } from '@labshare/local-infra';
import { z } from 'zod';
import { dataDirSetting } from './data-dir-setting';

const { positionals } = parseArgs({ allowPositionals: true });
const [command, file] = positionals;
const { LABSHARE_DATA_DIR } = loadConfig(z.object({ LABSHARE_DATA_DIR: dataDirSetting }));
const log = (message: string) => console.log(message);

async function main() {
  if (!file || (command !== 'backup' && command !== 'restore')) {
    throw new Error('usage: npm run backup -- <file.tar.gz> | npm run restore -- <file.tar.gz>');
  }
  const run = command === 'backup' ? backupDataDir : restoreDataDir;
  await run({ dir: LABSHARE_DATA_DIR, file, log });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
