// Loads the Lingang demo data (6 organisations, 21 resources) into a running platform through its
// public API, as the zone admin and each provider's org_admin would:
//   npm start   (in another terminal)
//   npm run seed:demo            (PLATFORM_URL defaults to http://localhost:8080)
import { readFileSync } from 'node:fs';
import type { Role } from '@labshare/contracts';
import { DEV_SECRET, signDevToken } from './dev-secret';

interface Demo {
  orgs: { key: string; name: string; kind: string }[];
  resources: ({ org: string } & Record<string, unknown>)[];
}

const base = process.env.PLATFORM_URL ?? 'http://localhost:8080';
const secret = process.env.AUTH_JWT_SECRET ?? DEV_SECRET;
const token = (org: string, roles: Role[]) =>
  `Bearer ${signDevToken({ sub: `seed-${org}`, org, roles }, secret, 1)}`;

async function post(path: string, auth: string, body: unknown, key: string) {
  const answer = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const json = (await answer.json()) as { id?: string; code?: string; detail?: string };
  if (answer.status === 409 && json.code === 'org_name_taken') return undefined;
  if (!answer.ok) throw new Error(`${path} → ${answer.status} ${json.code}: ${json.detail}`);
  return json;
}

async function main() {
  const demo = JSON.parse(
    readFileSync(new URL('../seed/lingang-demo.json', import.meta.url), 'utf8'),
  ) as Demo;
  const admin = token('platform', ['admin']);
  const ids = new Map<string, string>();
  const existing = (await (
    await fetch(new URL('/v1/orgs?limit=500', base), { headers: { authorization: admin } })
  ).json()) as {
    items: { id: string; name: string }[];
  };
  for (const org of demo.orgs) {
    const created = await post('/v1/orgs', admin, { name: org.name, kind: org.kind }, `seed-org-${org.key}`);
    const id = created?.id ?? existing.items.find((o) => o.name === org.name)?.id;
    if (!id) throw new Error(`organisation ${org.name} could not be created or found`);
    ids.set(org.key, id);
    console.log(`org ${org.key.padEnd(4)} ${id}  ${org.name}`);
  }
  for (const [i, { org, ...resource }] of demo.resources.entries()) {
    const orgId = ids.get(org)!;
    const created = await post(
      '/v1/resources',
      token(orgId, ['org_admin']),
      { ...resource, orgId },
      `seed-resource-${i}`,
    );
    console.log(
      `resource ${String(i + 1).padStart(2)}/${demo.resources.length} ${created?.id}  ${String(resource.name)}`,
    );
  }
  console.log(`\nTokens: npm run token -- --org ${ids.get('xgs')} --roles booker   (an enterprise booker)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
