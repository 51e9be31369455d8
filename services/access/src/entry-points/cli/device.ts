// The reference device (door controller, instrument interlock): `npm run device -- <command>`;
// the protocol is in services/access/README.md.
import { runDevice } from './device.command';

process.exitCode = await runDevice(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
