/**
 * Summarizes V8 CPU profiles (`node --cpu-prof`, or the sealer bench's
 * BENCH_SEALER_CPU_PROF_DIR) as Markdown: the top self-time frames, and self time by where the
 * code lives (a package under node_modules, Vigil's own packages, Node's internals), which is
 * what tells Vigil's overhead from its libraries'.
 *
 *   node bench/dist/profile-top.js [--top N] file.cpuprofile...
 *
 * Idle time is left out of the percentages: they are shares of the time the process was busy.
 * Module loading (everything under Node's module loader: compiling, protobufjs codegen at require
 * time) is left out too, so that a short profile shows the steady state, not the start.
 * The third table charges each sample to the innermost caller outside Node and V8 (zlib's
 * deflate called by kafkajs counts as kafkajs): that is whose work it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: node_modules/<package>, a Vigil workspace package, or Node. */
export function origin(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return 'node (internals)';
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = file.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? file);
  }
  const vigil = /\/(services|packages|bench)\/([^/]+)\//.exec(file);
  return vigil ? `vigil ${vigil[1]}/${vigil[2]}` : file;
}

/** A readable frame: function, and the file relative to its package, with its line. */
export function frameLabel(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  const file = frame.url.replace(/^file:\/\//, '');
  const short = file.includes('/node_modules/')
    ? file.slice(file.lastIndexOf('/node_modules/') + '/node_modules/'.length)
    : file.replace(/^.*\/(services|packages|bench)\//, '$1/');
  return `${name} ${short}:${frame.lineNumber + 1}`;
}

export interface Summary {
  /** Milliseconds the profile covers, and of those not idle. */
  totalMs: number;
  busyMs: number;
  /** Milliseconds spent loading modules, left out of the rest. */
  startupMs: number;
  frames: Array<{ label: string; ms: number }>;
  origins: Array<{ label: string; ms: number }>;
  /** By the innermost caller outside Node and V8. */
  owners: Array<{ label: string; ms: number }>;
}

const isRuntime = (frame: CallFrame) => frame.url === '' || frame.url.startsWith('node:');
const isLoader = (frame: CallFrame) => frame.url.startsWith('node:internal/modules/');

/** Self time per frame and per origin, from the samples and the time since the previous one. */
export function summarize(profile: Profile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Per node: whether it runs under the module loader, and its innermost non-runtime caller.
  const loading = new Map<number, boolean>();
  const owner = new Map<number, string>();
  const classify = (id: number): void => {
    if (loading.has(id)) return;
    const node = byId.get(id) as ProfileNode;
    const up = parent.get(id);
    if (up !== undefined) classify(up);
    loading.set(id, isLoader(node.callFrame) || (up !== undefined && loading.get(up) === true));
    owner.set(
      id,
      !isRuntime(node.callFrame)
        ? origin(node.callFrame.url)
        : up !== undefined
          ? (owner.get(up) as string)
          : '(runtime only)',
    );
  };
  const frames = new Map<string, number>();
  const origins = new Map<string, number>();
  const owners = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let startup = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += us;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      return;
    }
    classify(id);
    if (loading.get(id)) {
      startup += us;
      return;
    }
    const who = node.callFrame.functionName.startsWith('(')
      ? node.callFrame.functionName
      : (owner.get(id) as string);
    owners.set(who, (owners.get(who) ?? 0) + us);
    const label = frameLabel(node.callFrame);
    frames.set(label, (frames.get(label) ?? 0) + us);
    const where = node.callFrame.functionName.startsWith('(')
      ? node.callFrame.functionName
      : origin(node.callFrame.url);
    origins.set(where, (origins.get(where) ?? 0) + us);
  });
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].map(([label, us]) => ({ label, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return {
    totalMs: total / 1000,
    busyMs: (total - idle - startup) / 1000,
    startupMs: startup / 1000,
    frames: sorted(frames),
    origins: sorted(origins),
    owners: sorted(owners),
  };
}

export function toMarkdown(name: string, summary: Summary, top: number): string {
  const pct = (ms: number) => `${((ms / summary.busyMs) * 100).toFixed(1)}%`;
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `### ${name}`,
    '',
    `${(summary.totalMs / 1000).toFixed(1)} s profiled, ${(summary.busyMs / 1000).toFixed(1)} s busy ` +
      `(module loading, ${(summary.startupMs / 1000).toFixed(1)} s, left out); shares are of the busy time.`,
    '',
    '| self ms | share | frame |',
    '|---:|---:|---|',
    ...summary.frames
      .slice(0, top)
      .map((f) => `| ${f.ms.toFixed(0)} | ${pct(f.ms)} | \`${cell(f.label)}\` |`),
    '',
    '| self ms | share | where the code lives |',
    '|---:|---:|---|',
    ...summary.origins
      .slice(0, top)
      .map((f) => `| ${f.ms.toFixed(0)} | ${pct(f.ms)} | ${cell(f.label)} |`),
    '',
    '| self ms | share | on behalf of (innermost caller outside Node) |',
    '|---:|---:|---|',
    ...summary.owners
      .slice(0, top)
      .map((f) => `| ${f.ms.toFixed(0)} | ${pct(f.ms)} | ${cell(f.label)} |`),
    '',
  ];
  return lines.join('\n');
}

function main(argv: string[]): void {
  let top = 10;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') top = Number(argv[++i]);
    else files.push(argv[i] as string);
  }
  if (files.length === 0 || !Number.isSafeInteger(top) || top <= 0) {
    process.stderr.write('usage: profile-top [--top N] file.cpuprofile...\n');
    process.exit(2);
  }
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
    process.stdout.write(`${toMarkdown(path.basename(file), summarize(profile), top)}\n`);
  }
}

if (require.main === module) main(process.argv.slice(2));
