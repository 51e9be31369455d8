import {
  createResourceBody,
  type ImportReport,
  type ImportRowError,
  type Principal,
  type Resource,
} from '@labshare/contracts';
import type { InventoryDeps } from '../ports';
import { admitResource } from '../rules/admit-resource';
import { parseResourceCsv, type CsvRow } from '../rules/resource-csv';
import { insertResource } from '../support/insert-resource';
import { orgExists } from '../support/resource-lookups';

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
  const now = deps.clock();
  const knownOrgs = await knownOrgsOf(deps, rows);
  const admitted: Resource[] = [];
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const outcome = admitRow(caller, row, { now, newId: deps.newId, knownOrgs });
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

/** The organisations the rows name that exist, asked once per organisation. */
async function knownOrgsOf(deps: InventoryDeps, rows: CsvRow[]): Promise<Set<string>> {
  const named = new Set(rows.map((r) => r.input.orgId).filter((id): id is string => typeof id === 'string'));
  const known = new Set<string>();
  for (const id of named) if (await orgExists(deps, id)) known.add(id);
  return known;
}

/** The row as `POST /v1/resources` would take it, or everything wrong with it. */
function admitRow(
  caller: Principal,
  { row, input, problems }: CsvRow,
  context: { now: Date; newId: () => string; knownOrgs: Set<string> },
): { resource?: Resource; errors: ImportRowError[] } {
  const body = createResourceBody.safeParse(input);
  if (!body.success) {
    const issues = body.error.issues.map((i) => ({
      row,
      field: i.path.join('.') || 'row',
      message: i.message,
    }));
    return { errors: [...problems, ...issues] };
  }
  const orgKnown = context.knownOrgs.has(body.data.orgId);
  const admission = admitResource(caller, body.data, { id: context.newId(), now: context.now, orgKnown });
  if ('forbidden' in admission) {
    return { errors: [...problems, { row, field: 'orgId', message: admission.forbidden }] };
  }
  if ('problems' in admission) {
    return { errors: [...problems, ...admission.problems.map((p) => ({ row, ...p }))] };
  }
  return problems.length > 0 ? { errors: problems } : { resource: admission.resource, errors: [] };
}
