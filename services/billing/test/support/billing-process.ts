// The billing service as a process of its own, so the crash test can kill it with SIGKILL.
import { start } from '../../src/start';

await start();
console.log('billing ready');
