import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '@labshare/config';
import type { ImportRowError } from '@labshare/contracts';
import { parseResourceCsv, type CsvRow } from '../../domain/rules/resource-csv';
import { importClient } from './import-client';

const USAGE = 'usage: npm run import:resources -- <file.csv> [--skip-invalid] [--dry-run]';

const cliConfig = z.object({
  INVENTORY_URL: z.string().url().default('http://127.0.0.1:8080'),
  LABSHARE_TOKEN: z
    .string({ required_error: 'is required: a bearer token of an org_admin (or the admin)' })
    .min(1),
});

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Imports a spreadsheet of resources through the HTTP API: the server checks every row first (a
 * dry run of `POST /v1/resources/import`), then each valid row is created with an Idempotency-Key
 * made from its content, so a rerun after a crash replays the rows already created instead of
 * duplicating them. Returns the exit code.
 */
export async function runImport(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo,
): Promise<number> {
  const args = readArgs(argv);
  if (!args) return usage(io);
  let config: z.output<typeof cliConfig>;
  try {
    config = loadConfig(cliConfig, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  const csv = await readFile(args.file, 'utf8');
  const api = importClient({ baseUrl: config.INVENTORY_URL, token: config.LABSHARE_TOKEN });

  const check = await api.validate(csv, args.skipInvalid);
  if (check.status !== 200) {
    io.err(
      `the server refused the file (${check.status}): ${check.body.detail ?? JSON.stringify(check.body)}`,
    );
    return 1;
  }
  const errors = check.body.errors ?? [];
  for (const e of errors) io.err(`row ${e.row}, ${e.field}: ${e.message}`);
  const rows = toCreate(csv, errors);
  io.out(`${check.body.rows} rows, ${check.body.valid} valid, ${errors.length} problems`);
  if (errors.length > 0 && (!args.skipInvalid || rows.length === 0)) {
    io.err('nothing created: fix the rows above, or pass --skip-invalid to create the valid ones');
    return 1;
  }
  if (args.dryRun) {
    io.out('dry run: nothing created');
    return 0;
  }
  return createRows(rows, api, io);
}

function readArgs(argv: string[]) {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'skip-invalid': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) return undefined;
    return { file, skipInvalid: values['skip-invalid'], dryRun: values['dry-run'] };
  } catch {
    return undefined;
  }
}

function usage(io: CliIo): number {
  io.err(USAGE);
  return 2;
}

/** The rows the server found valid, each with a key made of its content (and how often that content came before). */
function toCreate(csv: string, errors: ImportRowError[]): { row: CsvRow; key: string }[] {
  const bad = new Set(errors.map((e) => e.row));
  const seen = new Map<string, number>();
  return parseResourceCsv(csv)
    .rows.filter((row) => !bad.has(row.row))
    .map((row) => {
      const digest = createHash('sha256')
        .update(JSON.stringify(Object.entries(row.cells).sort()))
        .digest('hex');
      const occurrence = (seen.get(digest) ?? 0) + 1;
      seen.set(digest, occurrence);
      return { row, key: `resource-import:${digest}:${occurrence}` };
    });
}

async function createRows(
  rows: { row: CsvRow; key: string }[],
  api: ReturnType<typeof importClient>,
  io: CliIo,
) {
  let created = 0;
  let failed = 0;
  for (const { row, key } of rows) {
    const reply = await api.create(row.input, key);
    if (reply.status === 201) created += 1;
    else {
      failed += 1;
      io.err(
        `row ${row.row}: not created (${reply.status}): ${reply.body.detail ?? JSON.stringify(reply.body)}`,
      );
    }
    const done = created + failed;
    if (done % 10 === 0 || done === rows.length) io.out(`created ${created}/${rows.length}`);
  }
  return failed === 0 ? 0 : 1;
}
