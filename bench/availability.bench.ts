// Availability of one resource: the answer over 90 days for a calendar of 1,000 bookings (60-minute
// slots), through booking's HTTP API, against what its size alone costs in the same process: the
// same answer serialised and parsed again (JSON.stringify + JSON.parse of the body received).
// The ratio says how much of the time is the response's size rather than the work behind it. Four
// queries: one wholly ahead whose end moves a minute on each request (never asked before, so worked
// out afresh every time: what working an answer out costs), one wholly ahead (the answer is kept
// until the calendar or the resource changes), one from midnight (today's view: the clock clips its
// start) and one reaching past the horizon of a twin resource (the clock clips its end): these two
// are worked out once a minute and clipped on each request.
//   npm run bench:availability            (BENCH_AVAILABILITY_REQUESTS, default 500)
//   BENCH_CPU_PROF_DIR=<dir> npm run bench:availability, then
//   node --import tsx bench/cpu-profile-summary.ts <dir>/<largest>.cpuprofile 25
import { Announcer, dayAt as at, tokenFor } from '@labshare/testkit';
import { benchClient } from './bench-client';
import { fmt, measure } from './measure';
import { benchInfra } from './bench-infra';
import { startServiceProcess } from './service-process';

const REQUESTS = Number(process.env.BENCH_AVAILABILITY_REQUESTS ?? 500);

async function main() {
  const { infra, env } = await benchInfra();
  const booking = await startServiceProcess('booking', env);
  const inventory = new Announcer(env, 'bench-inventory');
  const api = benchClient(booking.url);
  try {
    const provider = await inventory.org('university');
    const consumer = await inventory.org('enterprise');
    const token = tokenFor({ sub: 'bench', org: consumer.id, roles: ['booker'] });
    const template = await inventory.resource(provider);
    const busy = await inventory.resource(provider, {
      capacity: 2,
      policy: { ...template.policy, horizonDays: 120 },
    });
    const edge = await inventory.resource(provider, {
      capacity: 2,
      policy: { ...template.policy, horizonDays: 90 },
    });
    for (const resource of [busy, edge])
      for (let i = 0; i < 1000; i++) {
        const day = 1 + Math.floor(i / 12);
        const hour = (i % 12) * 2;
        const answer = await api('POST', '/v1/bookings', {
          token,
          body: {
            resourceId: resource.id,
            start: at(day, hour),
            end: at(day, hour + 1),
            quantity: 1 + (i % 2),
          },
        });
        if (answer.status !== 201) throw new Error(`seed failed: ${answer.status}`);
      }
    const ahead = `/v1/availability?resourceId=${busy.id}&from=${at(1, 0)}&to=${at(91, 0)}&durationMinutes=60`;
    const today = `/v1/availability?resourceId=${busy.id}&from=${at(0, 0)}&to=${at(91, 0)}&durationMinutes=60`;
    const pastHorizon = `/v1/availability?resourceId=${edge.id}&from=${at(1, 0)}&to=${at(91, 0)}&durationMinutes=60`;
    const sample = await api('GET', ahead, { token });
    const bytes = JSON.stringify(sample.body).length;
    console.log(
      `\navailability: one resource, 1,000 bookings, 90 days, 60-min slots ` +
        `(${sample.body.free.length} free pieces, ${sample.body.slots.length} slots, ${(bytes / 1024).toFixed(0)} KB)`,
    );
    const sizeOnly = await measure(REQUESTS, 1, async () => {
      JSON.parse(JSON.stringify(sample.body));
    });
    const answered = (query: (i: number) => string) =>
      measure(REQUESTS, 1, async (i) => {
        const answer = await api('GET', query(i), { token });
        if (answer.status !== 200) throw new Error(`availability failed: ${answer.status}`);
      });
    const afresh = await answered(
      (i) => `/v1/availability?resourceId=${busy.id}&from=${at(1, 0)}&to=${at(91, 0, -i)}&durationMinutes=60`,
    );
    const beyond = await answered(() => pastHorizon);
    const todays = await answered(() => today);
    const kept = await answered(() => ahead);
    console.log(`  its size alone (stringify + parse)  ${fmt(sizeOnly)}`);
    for (const [label, figures] of [
      ['worked out afresh (a new range end) ', afresh],
      ['past the horizon (end clipped)      ', beyond],
      ["today's view (from midnight)        ", todays],
      ['kept (from tomorrow: wholly ahead)  ', kept],
    ] as const)
      console.log(
        `  ${label} ${fmt(figures)}   ratio ${(figures.p50 / sizeOnly.p50).toFixed(1)}× its size alone (p50)`,
      );
  } finally {
    await inventory.stop();
    await booking.stop();
    await infra.stop();
  }
}

await main();
