// `npm start` as a child process in a process group of its own (npm, Node and the JVMs), so a
// test can stop it as a user would (SIGTERM) or crash all of it at once (SIGKILL to the group).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { isAlive } from '@labshare/local-infra';
import { apiClient, exited, readyUrl, waitFor } from '@labshare/testkit';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The environment of a local `npm start` on `dataDir`: no configured or container infrastructure. */
export function platformEnv(dataDir: string, extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LABSHARE_DATA_DIR: dataDir,
    LABSHARE_NO_CONTAINERS: 'true',
    LOG_LEVEL: 'warn',
    INVENTORY_PORT: '0',
    BOOKING_PORT: '0',
    ACCESS_PORT: '0',
    BILLING_PORT: '0',
    ...extra,
  };
  delete env.MONGO_URL;
  delete env.KAFKA_BROKERS;
  return env;
}

/** The pids the platform reported for its JVMs (`kafka ready in 2.1 s (pid 123)`). */
export function jvmPidsIn(output: string): number[] {
  return [...output.matchAll(/(?:kafka|mongo) ready in [\d.]+ s \(pid (\d+)\)/g)].map((m) => Number(m[1]));
}

/** Runs `npm run <script> -- <args>` (or `npm start`) to its end. */
export async function runNpm(script: string[], env: Record<string, string | undefined>) {
  const child = spawn('npm', script, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const code = await exited(child);
  return { code, output: output() };
}

export type RunningPlatform = Awaited<ReturnType<typeof startPlatform>>;

/** Starts `npm start` on any free port and resolves once the gateway's /readyz answers 200. */
export async function startPlatform(
  dataDir: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
) {
  const args = options.args ? ['--', ...options.args] : [];
  const child = spawn('npm', ['start', ...args], {
    cwd: repoRoot,
    env: platformEnv(dataDir, { PORT: '0', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npm, Node and the JVMs
  });
  const output = collect(child);
  const gone = exited(child).then((code) => {
    throw new Error(`npm start exited with ${code} before it was ready:\n${output()}`);
  });
  const ready = async () => {
    const url = await waitFor(() => readyUrl(output()), {
      timeoutMs: 120_000,
      intervalMs: 200,
      what: 'the "[platform] ready in" line',
    });
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, { what: 'readyz 200' });
    return url;
  };
  const url = await Promise.race([ready(), gone]).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\nnpm start said:\n${output()}`);
  });
  gone.catch(() => undefined); // from now on an exit is what the test asked for
  const jvmPids = () => jvmPidsIn(output());
  /** The newest pid the supervisor reported for each service (`booking starting (pid 123)`). */
  const servicePids = () =>
    Object.fromEntries(
      [...output().matchAll(/\[platform\] (\w+) starting \(pid (\d+)\)/g)].map((m) => [m[1]!, Number(m[2])]),
    );
  const mongoUrl = () => /MONGO_URL=(\S+)/.exec(output())?.[1] ?? '';
  const allGone = (pids: number[]) =>
    waitFor(() => !pids.some(isAlive), { timeoutMs: 30_000, what: `processes ${pids.join(', ')} gone` });
  return {
    url,
    api: apiClient(url),
    output,
    jvmPids,
    servicePids,
    mongoUrl,
    /** SIGTERM, as Ctrl-C or a service manager would; resolves once the JVMs are gone too. */
    async stop() {
      const pids = [...jvmPids(), ...Object.values(servicePids())];
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      await allGone(pids);
    },
    /** SIGKILL to the whole process group, JVMs included: nothing gets to clean up. */
    async crash() {
      const pids = [child.pid!, ...jvmPids(), ...Object.values(servicePids())];
      process.kill(-child.pid!, 'SIGKILL');
      await exited(child);
      await allGone(pids);
    },
  };
}

function collect(child: ChildProcess) {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}
