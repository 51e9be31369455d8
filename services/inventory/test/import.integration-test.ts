import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/entry-points/cli/import-resources.command';
import { callers } from './support/callers';
import { createOrg } from './support/factories';
import { startInventory, type Inventory } from './support/inventory-harness';

const header =
  'orgId,kind,name,policy.slotMinutes,policy.minMinutes,policy.maxMinutes,rates.perHour.enterprise,openingHours';
const row = (orgId: string, name: string, extra = '30,30,480,50000,FREQ=DAILY|08:00|18:00') =>
  `${orgId},equipment,${name},${extra}`;
const csvOf = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

describe('importing resources from a spreadsheet', () => {
  let inv: Inventory;
  let orgId: string;
  let dir: string;
  beforeAll(async () => {
    inv = await startInventory();
    orgId = (await createOrg(inv.http)).id;
    dir = await mkdtemp(path.join(tmpdir(), 'inventory-import-'));
  });
  afterAll(() => inv.stop());

  const names = () => `Instrument ${randomUUID().slice(0, 8)}`;
  const importCsv = (csv: string, query = '', token = callers.orgAdmin(orgId)) =>
    inv.http.as(token).post(`/v1/resources/import${query}`, csv, { 'content-type': 'text/csv' });
  const countNamed = async (prefix: string) =>
    (await inv.http.as(callers.admin()).get(`/v1/resources?limit=500&q=${encodeURIComponent(prefix)}`)).body
      .items.length;

  describe('POST /v1/resources/import', () => {
    it('when every row is valid, then every row is created in order', async () => {
      const [a, b] = [names(), names()];
      const reply = await importCsv(csvOf(row(orgId, a), row(orgId, b)));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ dryRun: false, rows: 2, valid: 2, errors: [] });
      expect(reply.body.created).toHaveLength(2);
      const first = await inv.http.as(callers.booker(orgId)).get(`/v1/resources/${reply.body.created[0]}`);
      expect(first.body).toMatchObject({ name: a, rates: { perHour: { enterprise: 50000 } } });
    });

    it('when some rows are bad, then nothing is created and each problem names row and field', async () => {
      const tag = names();
      const reply = await importCsv(
        csvOf(
          row(orgId, `${tag} ok`),
          row(orgId, `${tag} bad`, '45x,300,240,-1,FREQ=DAILY|08:00|18:00'),
          row('no-such-org', `${tag} orphan`),
        ),
      );
      expect(reply.body).toMatchObject({ rows: 3, valid: 1, created: [] });
      expect(reply.body.errors).toEqual([
        { row: 3, field: 'policy.slotMinutes', message: 'must be a number, got "45x"' },
        { row: 3, field: 'rates.perHour.enterprise', message: 'must not be negative' },
        { row: 4, field: 'orgId', message: expect.any(String) },
      ]);
      expect(await countNamed(tag)).toBe(0);
    });

    it('when skipInvalid is set, then the valid rows are created and the bad ones reported', async () => {
      const tag = names();
      const reply = await importCsv(
        csvOf(row(orgId, `${tag} ok`), row(orgId, `${tag} bad`, '30,300,240,0,FREQ=DAILY|08:00|18:00')),
        '?skipInvalid=true',
      );
      expect(reply.body.errors).toEqual([
        { row: 3, field: 'policy.minMinutes', message: 'must not exceed policy.maxMinutes (240)' },
      ]);
      expect(reply.body.created).toHaveLength(1);
      expect(await countNamed(tag)).toBe(1);
    });

    it('when dryRun is set, then rows are checked and nothing is created', async () => {
      const tag = names();
      const reply = await importCsv(csvOf(row(orgId, tag)), '?dryRun=true');
      expect(reply.body).toMatchObject({ dryRun: true, rows: 1, valid: 1, created: [], errors: [] });
      expect(await countNamed(tag)).toBe(0);
    });

    it('when the CSV comes inside JSON, then it is read the same way', async () => {
      const reply = await inv.http
        .as(callers.orgAdmin(orgId))
        .post('/v1/resources/import', { csv: csvOf(row(orgId, names())) });
      expect(reply.body.created).toHaveLength(1);
    });

    it('when rows belong to another org, then they are refused for an org_admin, accepted for the admin', async () => {
      const other = (await createOrg(inv.http)).id;
      const csv = csvOf(row(other, names()));
      expect((await importCsv(csv)).body.errors).toEqual([
        { row: 2, field: 'orgId', message: expect.stringContaining('own organisation') },
      ]);
      expect((await importCsv(csv, '', callers.admin())).body.created).toHaveLength(1);
    });

    it('when the header has an unknown column, then the file is refused even with skipInvalid', async () => {
      const reply = await importCsv('orgId,kind,name,colour\nx,lab,y,blue\n', '?skipInvalid=true');
      expect(reply.body.errors).toEqual([{ row: 1, field: 'colour', message: 'is not a known column' }]);
    });

    it('when the caller is a booker or unauthenticated, then it is 403 or 401', async () => {
      expect((await importCsv(csvOf(row(orgId, names())), '', callers.booker(orgId))).status).toBe(403);
      expect(
        (await inv.http.anonymous.post('/v1/resources/import', csvOf(), { 'content-type': 'text/csv' }))
          .status,
      ).toBe(401);
    });
  });

  describe('npm run import:resources', () => {
    const run = async (file: string, ...flags: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const env = {
        INVENTORY_URL: inv.service.url,
        LABSHARE_TOKEN: callers.orgAdmin(orgId).replace('Bearer ', ''),
      };
      const code = await runImport([file, ...flags], env, {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      });
      return { code, out, err };
    };
    const fileWith = async (csv: string) => {
      const file = path.join(dir, `${randomUUID()}.csv`);
      await writeFile(file, csv);
      return file;
    };

    it('when the sample spreadsheet is imported, then every row is created with progress shown', async () => {
      const sample = await readFile(new URL('../examples/resources.csv', import.meta.url), 'utf8');
      const result = await run(await fileWith(sample.replaceAll('REPLACE-WITH-ORG-ID', orgId)));
      expect(result.err).toEqual([]);
      expect(result.out).toEqual(['6 rows, 6 valid, 0 problems', 'created 6/6']);
      expect(result.code).toBe(0);
    });

    it('when a run is repeated, or resumed with more rows after a crash, then no row is created twice', async () => {
      const tag = names();
      const rows = Array.from({ length: 12 }, (_, i) => row(orgId, `${tag} #${i}`));
      expect((await run(await fileWith(csvOf(...rows.slice(0, 5))))).code).toBe(0);
      const resumed = await run(await fileWith(csvOf(...rows)));
      expect(resumed.out).toEqual(['12 rows, 12 valid, 0 problems', 'created 10/12', 'created 12/12']);
      expect((await run(await fileWith(csvOf(...rows)))).code).toBe(0);
      expect(await countNamed(tag)).toBe(12);
    });

    it('when rows are bad, then they are listed and nothing is created unless --skip-invalid', async () => {
      const tag = names();
      const file = await fileWith(
        csvOf(row(orgId, `${tag} ok`), row(orgId, `${tag} bad`, '50,30,480,0,FREQ=DAILY|08:00|18:00')),
      );
      const refused = await run(file);
      expect(refused.code).toBe(1);
      expect(refused.err[0]).toBe('row 3, policy.slotMinutes: must divide the day (1440 minutes) evenly');
      expect(await countNamed(tag)).toBe(0);
      expect((await run(file, '--dry-run', '--skip-invalid')).out).toContain('dry run: nothing created');
      expect(await countNamed(tag)).toBe(0);
      expect((await run(file, '--skip-invalid')).out).toContain('created 1/1');
      expect(await countNamed(tag)).toBe(1);
    });

    it('when the token or file argument is missing, then it says so and exits 2', async () => {
      const err: string[] = [];
      const io = { out: () => undefined, err: (l: string) => err.push(l) };
      expect(await runImport([], {}, io)).toBe(2);
      expect(await runImport(['x.csv'], {}, io)).toBe(2);
      expect(err.join('\n')).toMatch(/usage[\s\S]*LABSHARE_TOKEN/);
    });
  });
});
