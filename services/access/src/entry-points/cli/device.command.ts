import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decideOffline, deviceClient, DeviceRefusal, emptyState, type DeviceState } from './device-client';

const USAGE = `usage:
  npm run device -- sync      --resource <id> [--url <base>] [--token <device JWT>] [--state <file>]
  npm run device -- verify    --resource <id> --pass <pass JWT> [--state <file>]        (offline)
  npm run device -- check-in  --resource <id> --pass <pass JWT> [--url <base>] [--token <device JWT>]
  npm run device -- check-out --session <id> [--url <base>] [--token <device JWT>]
--url defaults to PLATFORM_URL or http://localhost:8080, --token to LABSHARE_DEVICE_TOKEN,
--state to .data/device/<resource>.json. verify exits 0 to open, 2 to refuse.`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

/** The reference device: `npm run device -- <command>`. Returns the exit code. */
export async function runDevice(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string', default: env.PLATFORM_URL ?? 'http://localhost:8080' },
      token: { type: 'string', default: env.LABSHARE_DEVICE_TOKEN },
      resource: { type: 'string' },
      pass: { type: 'string' },
      session: { type: 'string' },
      state: { type: 'string' },
      issuer: { type: 'string', default: 'labshare-access' },
    },
  });
  const now = io.now ?? (() => new Date());
  const command = positionals[0];
  const statePath = values.state ?? path.join('.data', 'device', `${values.resource}.json`);
  const online = () => {
    if (!values.token) throw new Error('a device token is needed: --token or LABSHARE_DEVICE_TOKEN');
    return deviceClient({ baseUrl: values.url!, token: values.token });
  };
  try {
    if (command === 'sync' && values.resource) {
      const state = await online().sync(
        load(statePath) ?? emptyState(values.resource, values.issuer!),
        now(),
      );
      save(statePath, state);
      io.out(
        JSON.stringify({
          keys: state.jwks.keys.length,
          revoked: Object.keys(state.revoked).length,
          syncedTo: state.syncedTo,
        }),
      );
      return 0;
    }
    if (command === 'verify' && values.resource && values.pass) {
      const state = load(statePath);
      if (!state) throw new Error(`no state at ${statePath}: run sync first`);
      const decision = decideOffline({ ...state, resourceId: values.resource }, values.pass, now());
      io.out(
        JSON.stringify(
          decision.allowed
            ? {
                open: true,
                jti: decision.claims.jti,
                bookingId: decision.claims.bid,
                user: decision.claims.sub,
              }
            : { open: false, code: decision.code },
        ),
      );
      return decision.allowed ? 0 : 2;
    }
    if (command === 'check-in' && values.resource && values.pass) {
      io.out(JSON.stringify(await online().checkIn(values.pass, values.resource)));
      return 0;
    }
    if (command === 'check-out' && values.session) {
      io.out(JSON.stringify(await online().checkOut(values.session)));
      return 0;
    }
    io.err(USAGE);
    return 1;
  } catch (error) {
    io.err(
      error instanceof DeviceRefusal
        ? JSON.stringify({ status: error.status, code: error.code })
        : String(error),
    );
    return error instanceof DeviceRefusal ? 2 : 1;
  }
}

function load(file: string): DeviceState | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DeviceState) : undefined;
}

function save(file: string, state: DeviceState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}
