// `npm run import:resources -- file.csv [--skip-invalid] [--dry-run]`; see services/inventory/README.md.
import { runImport } from './import-resources.command';

process.exitCode = await runImport(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
