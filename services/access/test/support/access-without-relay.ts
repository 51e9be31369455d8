// The access service as a process whose outbox relay never runs: whatever it writes stays in the
// outboxes, as if it crashed right after each write. The crash test kills it with SIGKILL.
import { start } from '../../src/start';

const service = await start();
await service.relay.stop();
console.log(`access ready without relay on ${service.url}`);
