import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePythonTools } from '@labshare/tools';
import { apiClient, exited, readyUrl, startChildUntil, testEnv, tokenFor } from '@labshare/testkit';

/**
 * schemathesis (an API fuzzer nobody here wrote) against every service's OpenAPI document through
 * the gateway, as an integrator would: no 5xx, no answer outside its documented status, content
 * type, headers or schema, none slower than 2 s. A short run here (SCHEMATHESIS_CASES=5, examples
 * and fuzzing phases); `npm run test:api-fuzz` runs the long one (every phase, more cases).
 */
const CASES = process.env.SCHEMATHESIS_CASES ?? '5';
const PHASES = process.env.SCHEMATHESIS_PHASES ?? 'examples,fuzzing';
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
].join(',');

const services = ['inventory', 'booking', 'access', 'billing'];

describe('schemathesis through the gateway', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'labshare-fuzz-'));
  let platform: ChildProcess;
  let gateway: string;
  let schemathesis: string;
  const tokens: Record<string, string> = {};
  const operations: Record<string, number> = {};
  beforeAll(async () => {
    schemathesis = ensurePythonTools().bin('schemathesis');
    const env = testEnv({ PORT: '0', LABSHARE_DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const started = await startChildUntil('infra/platform/src/start-platform.ts', env, readyUrl, 120_000);
    [platform, gateway] = [started.child, started.found];
    tokens.admin = tokenFor({ sub: 'fuzz-admin', org: 'zone', roles: ['admin'] });
    const org = await apiClient(gateway)('POST', '/v1/orgs', {
      token: tokens.admin,
      body: { name: 'Fuzzing Polytechnic', kind: 'university' },
    });
    expect(org.status).toBe(201);
    tokens.booker = tokenFor({ sub: 'fuzz-booker', org: org.body.id, roles: ['booker'] });
    for (const service of services) {
      const document = await apiClient(gateway)('GET', `/${service}/openapi.json`);
      expect(document.status).toBe(200);
      operations[service] = Object.keys(document.body.paths ?? {}).length;
    }
  }, 180_000);
  afterAll(async () => {
    platform?.kill('SIGTERM');
    if (platform) await exited(platform);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runs = services.flatMap((service) =>
    ['admin', 'booker'].map((role): [string, string] => [service, role]),
  );
  it.for(runs)(
    'when schemathesis fuzzes %s as %s, then every answer keeps the document (no 5xx, none over 2 s)',
    { timeout: 600_000 },
    async ([service, role], ctx) => {
      // A service still without operations has nothing to fuzz: reported as skipped, not passed.
      if (operations[service] === 0) ctx.skip(`${service} declares no operations yet`);
      const run = spawnSync(
        schemathesis,
        [
          'run',
          `${gateway}/${service}/openapi.json`,
          '--url',
          gateway,
          '-H',
          `Authorization: ${tokens[role]}`,
          '--seed',
          '42',
          '-n',
          CASES,
          '--phases',
          PHASES,
          '--checks',
          CHECKS,
          '--max-response-time',
          '2',
          '--request-timeout',
          '10',
          '--no-color',
        ],
        // Its caches (.schemathesis, .hypothesis) go to the run's own folder, not the repository.
        { encoding: 'utf8', timeout: 600_000, cwd: dataDir },
      );
      const summary = run.stdout.split('\n').filter((l) => /generated|passed|failures?|❌/.test(l));
      console.log(`schemathesis ${service} as ${role}: ${summary.join(' | ')}`);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    },
  );
});
