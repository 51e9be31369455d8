import type { Principal } from '@labshare/auth';
import {
  createResourceBody,
  type ImportReport,
  type ImportRowError,
  type Resource,
} from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { admitResource } from '../resources/admit-resource';
import { insertResource, orgExists } from '../resources/create-resource';
import { parseResourceCsv, type CsvRow } from './resource-csv';

/**
 * A spreadsheet of resources: every row checked exactly as `POST /v1/resources` checks it. A file
 * with any bad row creates nothing unless `skipInvalid`; problems with the header always stop it.
 */
export async function importResources(
  deps: InventoryDeps,
  caller: Principal,
  csv: string,
  options: { dryRun: boolean; skipInvalid: boolean },
): Promise<ImportReport> {
  const { rows, fileProblems } = parseResourceCsv(csv);
  const report = { dryRun: options.dryRun, rows: rows.length, created: [] as string[] };
  if (fileProblems.length > 0) return { ...report, valid: 0, errors: fileProblems };
  const context = { now: deps.clock(), orgExists: remembered((id) => orgExists(deps, id)) };
  const admitted: Resource[] = [];
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const outcome = await admitRow(caller, row, context);
    errors.push(...outcome.errors);
    if (outcome.resource) admitted.push(outcome.resource);
  }
  const createNothing = options.dryRun || (errors.length > 0 && !options.skipInvalid);
  for (const resource of createNothing ? [] : admitted) {
    await insertResource(deps, resource);
    report.created.push(resource.id);
  }
  return { ...report, valid: admitted.length, errors };
}

/** The row as `POST /v1/resources` would take it, or everything wrong with it. */
async function admitRow(
  caller: Principal,
  { row, input, problems }: CsvRow,
  context: Parameters<typeof admitResource>[2],
): Promise<{ resource?: Resource; errors: ImportRowError[] }> {
  const body = createResourceBody.safeParse(input);
  if (!body.success) {
    const issues = body.error.issues.map((i) => ({
      row,
      field: i.path.join('.') || 'row',
      message: i.message,
    }));
    return { errors: [...problems, ...issues] };
  }
  const admission = await admitResource(caller, body.data, context);
  if ('forbidden' in admission) {
    return { errors: [...problems, { row, field: 'orgId', message: admission.forbidden }] };
  }
  if ('problems' in admission) {
    return { errors: [...problems, ...admission.problems.map((p) => ({ row, ...p }))] };
  }
  return problems.length > 0 ? { errors: problems } : { resource: admission.resource, errors: [] };
}

/** Asks once per organisation, however many rows name it. */
function remembered(lookup: (id: string) => Promise<boolean>): (id: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (id) => {
    let answer = answers.get(id);
    if (!answer) answers.set(id, (answer = lookup(id)));
    return answer;
  };
}
