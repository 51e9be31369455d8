// Summarises an on-CPU profile recorded by bench/perf-record.ts: the share of the process's CPU on
// its JavaScript thread and on its other threads (V8's garbage collection and compiler helpers,
// libuv), and the JavaScript thread's samples by area (the package, service or lib of the innermost
// JavaScript frame: native code, kernel and builtins count for the JavaScript that called them;
// garbage collection apart), then its top JavaScript functions.
//   node --import tsx bench/perf-summary.ts <file.perf.data> [top=30]
import { spawnSync } from 'node:child_process';

interface Sample {
  tid: string;
  frames: string[];
}

function samplesOf(file: string): Sample[] {
  const script = spawnSync('perf', ['script', '-i', file, '-F', 'tid,ip,sym'], {
    encoding: 'utf8',
    maxBuffer: 2 ** 31 - 1,
  });
  if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);
  return script.stdout
    .split('\n\n')
    .map((block) => block.trim().split('\n'))
    .filter((lines) => lines[0] && /^\d+/.test(lines[0].trim()))
    .map(([head, ...frames]) => ({
      tid: head!.trim().split(/\s+/)[0]!,
      frames: frames.map((f) => f.trim().replace(/^[0-9a-f]+\s+/, '')),
    }));
}

/** Where a JavaScript frame's script belongs: a package, a service's folder or a lib of ours, or node's own. */
function areaOf(frame: string): string | undefined {
  if (!frame.startsWith('JS:')) return undefined;
  const url = /((?:file:\/\/)?\/\S+|node:\S+):\d+:\d+$/.exec(frame)?.[1];
  if (!url) return undefined;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/node_modules\/((?:@[^/]+\/)?[^/]+))?/.exec(url);
  if (pkg) return pkg[2] ?? pkg[1];
  const ours = /\/(services\/[^/]+\/src\/[^/]+|libs\/[^/]+)\//.exec(url);
  if (ours) return ours[1];
  return url.startsWith('node:')
    ? url
        .replace(/:\d+:\d+$/, '')
        .split('/')
        .slice(0, 2)
        .join('/')
    : url;
}

const GC = /Scavenge|Heap::CollectGarbage|MarkCompact|ConcurrentMarking|Sweeper/;

function summarise(samples: Sample[], top: number): string {
  const perThread = new Map<string, number>();
  for (const { tid } of samples) perThread.set(tid, (perThread.get(tid) ?? 0) + 1);
  const [main] = [...perThread].sort((a, b) => b[1] - a[1])[0] ?? [];
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let onMain = 0;
  for (const { tid, frames } of samples) {
    if (tid !== main) continue;
    onMain++;
    if (frames.some((f) => GC.test(f))) {
      count(areas, '(garbage collection)');
      continue;
    }
    const js = frames.find((f) => areaOf(f) !== undefined);
    count(
      areas,
      js ? areaOf(js)! : frames[0]?.includes('[k]') ? '(kernel)' : '(native, no JavaScript caller)',
    );
    if (js) count(functions, js.replace(/^JS:[*~^]?/, '').replace(/(file:\/\/)?\/\S*node_modules\//, ''));
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, n]) => `  ${((100 * n) / onMain).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  const share = (n: number) => `${((100 * n) / samples.length).toFixed(1)} %`;
  return [
    `${samples.length} on-CPU samples: JavaScript thread ${share(onMain)}, other threads (GC and compiler helpers, libuv) ${share(samples.length - onMain)}`,
    `JavaScript thread by area (innermost JavaScript frame):\n${rows(areas)}`,
    `JavaScript thread by innermost JavaScript function:\n${rows(functions)}`,
  ].join('\n\n');
}

const [file, top] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --import tsx bench/perf-summary.ts <file.perf.data> [top]');
  process.exit(2);
}
console.log(summarise(samplesOf(file), Number(top ?? 30)));
