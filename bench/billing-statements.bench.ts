// Billing statement benchmark: BENCH_ORGS consumer orgs with BENCH_LINES ledger lines each in one
// month, then every org's statement of that month issued through billing's API, one at a time as
// the close job does. Baseline in the same process: reading the same lines raw from the collection.
//   npm run bench:billing-statements      (BENCH_ORGS=1000 BENCH_LINES=100 by default)
import { loadConfig, start } from '@labshare/billing';
import { topics, orgEventTypes, type Org } from '@labshare/contracts';
import { createLogger } from '@labshare/logging';
import { connectMongo } from '@labshare/mongo';
import { Announcer, orgSnapshot, resourceSnapshot } from '@labshare/testkit';
import { benchClient } from './bench-client';
import { LedgerRepository } from '../services/billing/src/data-access/ledger.repository';
import { StatementRepository } from '../services/billing/src/data-access/statement.repository';
import { lineOf } from '../services/billing/src/domain/rules/ledger-lines';
import { finance, usageRecord } from '../services/billing/test/billing-fixture';
import { fmt, measure } from './measure';
import { benchInfra } from './bench-infra';

const ORGS = Number(process.env.BENCH_ORGS ?? 1000);
const LINES = Number(process.env.BENCH_LINES ?? 100);
const WRITERS = 16;
const READ_SAMPLES = Math.min(100, ORGS);
const PERIOD = '2026-10';
const HOUR = 3_600_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function main() {
  const { infra, env } = await benchInfra({
    // 100,000 lines and their indexes live on the in-memory server's heap: 512m fills at ~70,000.
    mongoHeap: process.env.BENCH_MONGO_HEAP ?? '4g',
    env: { BILLING_CLOSE_CRON: '0 0 0 1 1 *' },
  });
  const billing = await start(loadConfig(env));
  const api = benchClient(billing.url);
  const announcer = new Announcer(env, 'bench-billing-statements');
  const mongo = await connectMongo({
    url: infra.mongoUrl,
    dbName: `${env.MONGO_DB_PREFIX}billing`,
    logger: createLogger({ service: 'bench', level: 'silent' }),
  });
  // Billing's own repositories on a connection of the bench's; no relay nudges (nothing is queued).
  const ledger = new LedgerRepository(mongo.connection, () => undefined);
  const statements = new StatementRepository(mongo.connection, () => undefined);
  const raw = mongo.connection.collection('ledger');
  try {
    // Orgs as inventory announces them; billing puts name and kind on the statements.
    const provider = orgSnapshot('university');
    const consumers: Org[] = Array.from({ length: ORGS }, (_, i) =>
      orgSnapshot(i % 2 ? 'enterprise' : 'training_body'),
    );
    for (let i = 0; i <= ORGS; i += 500) {
      const batch = [provider, ...consumers].slice(i, i + 500);
      await announcer.publish(
        topics.orgs,
        orgEventTypes.created,
        batch.map((org) => ({ subject: org.id, data: { org } })),
      );
    }
    const orgs = mongo.connection.collection('orgs');
    while ((await orgs.countDocuments()) < ORGS + 1) await sleep(100);
    const resource = resourceSnapshot(provider);

    // Each line as the rating flow writes it: admitted to its open statement, then inserted.
    console.log(`\nwriting ${ORGS} orgs × ${LINES} lines (${PERIOD}), ${WRITERS} writers`);
    const writeStart = performance.now();
    let nextOrg = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (nextOrg < ORGS) {
          const consumer = consumers[nextOrg++]!;
          for (let j = 0; j < LINES; j++) {
            const at = Date.parse('2026-10-02T00:00:00Z') + j * Math.floor((24 * 24 * HOUR) / LINES);
            const record = usageRecord(resource, consumer, {
              start: new Date(at).toISOString(),
              minutes: 1 + (j % 120),
            });
            const line = lineOf(
              { kind: 'usage', sourceEventId: `bench-${record.id}`, record },
              { servicePeriod: PERIOD, period: PERIOD },
            );
            if (!(await statements.admit(consumer.id, PERIOD, line.id))) throw new Error('not admitted');
            await ledger.record(line, []);
          }
        }
      }),
    );
    const written = ORGS * LINES;
    console.log(`  ${written} lines in ${seconds(writeStart).toFixed(1)} s`);

    console.log(`\nbaseline: the same lines read raw from the ledger collection`);
    const rawStart = performance.now();
    const rawLines = await raw.find({ period: PERIOD }).toArray();
    const rawAll = seconds(rawStart);
    if (rawLines.length !== written) throw new Error(`read ${rawLines.length} lines`);
    const rawOne = await measure(READ_SAMPLES, 1, async (i) => {
      await raw.find({ consumerOrgId: consumers[i]!.id, period: PERIOD }).sort({ _id: 1 }).toArray();
    });
    console.log(`  all ${written} lines   ${rawAll.toFixed(2)} s, ${(written / rawAll).toFixed(0)} lines/s`);
    console.log(`  one org's lines   ${fmt(rawOne)}`);

    console.log(`\nissuing ${ORGS} statements (POST /v1/statements/issue, one at a time)`);
    const issueStart = performance.now();
    const issue = await measure(ORGS, 1, async (i) => {
      const r = await api('POST', '/v1/statements/issue', {
        token: finance,
        body: { orgId: consumers[i]!.id, period: PERIOD },
      });
      if (r.status !== 200 || r.body.lines.length !== LINES) throw new Error(`issue answered ${r.status}`);
    });
    const issueAll = seconds(issueStart);
    console.log(`  total             ${issueAll.toFixed(1)} s`);
    console.log(`  statements        ${fmt(issue)}`);
    console.log(`  lines             ${(written / issueAll).toFixed(0)}/s`);
    console.log(
      `  ratio (lines/s issued / lines/s read raw) ${(written / issueAll / (written / rawAll)).toFixed(4)}`,
    );
    console.log(`  per statement vs raw read of its lines     ${(issue.p50 / rawOne.p50).toFixed(1)}× (p50)`);

    console.log(`\nreading issued statements (${READ_SAMPLES} orgs)`);
    const query = (i: number) => `orgId=${consumers[i]!.id}&period=${PERIOD}`;
    const get = await measure(READ_SAMPLES, 1, async (i) => {
      const r = await api('GET', `/v1/statements?${query(i)}`, { token: finance });
      if (r.status !== 200 || r.body.status !== 'issued') throw new Error(`statement answered ${r.status}`);
    });
    const csv = await measure(READ_SAMPLES, 1, async (i) => {
      const r = await api('GET', `/v1/statements.csv?${query(i)}`, { token: finance });
      if (r.status !== 200) throw new Error(`statement CSV answered ${r.status}`);
    });
    console.log(`  GET /v1/statements       ${fmt(get)}`);
    console.log(`  GET /v1/statements.csv   ${fmt(csv)}`);
  } finally {
    await mongo.close();
    await announcer.stop();
    await billing.stop();
    await infra.stop();
  }
}

await main();
