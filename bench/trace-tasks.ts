/**
 * What ran in each long main-thread task of a Chromium trace, for bench/import.ts --trace: the
 * main thread's own trace events (a GPU read-back in Commit, a structured-clone deserialize, a
 * garbage collection…), the JavaScript functions its CPU profile sampled, and how busy the other
 * threads were meanwhile (on 2 cores a busy worker starves the GPU process a frame waits on).
 */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
  'blink.user_timing',
  'gpu',
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileChunk {
  cpuProfile?: {
    nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber: number } }[];
    samples?: number[];
  };
  timeDeltas?: number[];
}

/** The events inside a task that say what it did, counted when over 3 ms. */
const TELLING = new Set([
  'FunctionCall',
  'HandlePostMessage',
  'FireAnimationFrame',
  'Commit',
  'GLES2::ReadPixels',
  'MinorGC',
  'MajorGC',
  'SerializedScriptValueFactory::deserialize',
  'EventDispatch',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'TimerFire',
  'RunMicrotasks',
]);

const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;

function top<T>(counts: Map<T, number>, n: number): [T, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** Sampled stacks of one thread, leaf first, with their times. */
function samplesOf(events: TraceEvent[], thread: string): { ts: number; stack: string[] }[] {
  const profiles = new Map<string, { t: number; nodes: Map<number, { name: string; parent?: number }> }>();
  for (const e of events) {
    if (e.name === 'Profile' && key(e) === thread) {
      profiles.set(String(e.id), { t: Number(e.args?.data?.startTime), nodes: new Map() });
    }
  }
  const out: { ts: number; stack: string[] }[] = [];
  for (const e of events) {
    const p = e.name === 'ProfileChunk' ? profiles.get(String(e.id)) : undefined;
    if (!p) continue;
    const chunk = e.args?.data as ProfileChunk;
    for (const n of chunk.cpuProfile?.nodes ?? []) {
      const file = (n.callFrame.url ?? '').split('/').pop();
      const name = `${n.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${n.callFrame.lineNumber + 1}` : ''}`;
      p.nodes.set(n.id, { name, parent: n.parent });
    }
    const samples = chunk.cpuProfile?.samples ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.t += chunk.timeDeltas?.[i] ?? 0;
      const stack: string[] = [];
      for (let id = samples[i]; id !== undefined; ) {
        const node = p.nodes.get(id);
        if (!node) break;
        stack.push(node.name);
        id = node.parent;
      }
      out.push({ ts: p.t, stack });
    }
  }
  return out;
}

/** How long each thread ran tasks inside [from, to], in µs. */
function busyThreads(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const spans = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || !/RunTask$/.test(e.name)) continue;
    const a = Math.max(from, e.ts);
    const b = Math.min(to, e.ts + (e.dur ?? 0));
    if (b > a) spans.set(key(e), [...(spans.get(key(e)) ?? []), [a, b]]);
  }
  const busy = new Map<string, number>();
  for (const [thread, list] of spans) {
    list.sort((x, y) => x[0] - y[0]);
    let total = 0;
    let end = -1;
    for (const [a, b] of list) {
      total += Math.max(0, b - Math.max(a, end));
      end = Math.max(end, b);
    }
    busy.set(thread, total);
  }
  return busy;
}

/** Prints each main-thread task over `minMs` after the user-timing mark `markName`. */
export function printLongTasks(traceJson: string, markName: string, minMs = 50): void {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mark = events.find((e) => e.name === markName);
  if (!mark) throw new Error(`no mark ${markName} in the trace`);
  const main = key(mark);
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name')) {
      names.set(e.name === 'thread_name' ? key(e) : String(e.pid), String(e.args?.name));
    }
  }
  const threadName = (k: string) => `${names.get(k.split(':')[0] ?? '') ?? '?'} / ${names.get(k) ?? k}`;
  const onMain = events.filter((e) => key(e) === main && e.ph === 'X');
  const samples = samplesOf(events, main);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= mark.ts && (e.dur ?? 0) > minMs * 1000);
  console.log(`  ${tasks.length} main-thread tasks over ${minMs} ms in the trace:`);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    console.log(`  task at +${ms(task.ts - mark.ts)}, ${ms(task.dur ?? 0)}:`);
    const inner = new Map<string, number>();
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > end || (e.dur ?? 0) < 3000 || !TELLING.has(e.name))
        continue;
      const fn = e.args?.data?.functionName;
      const label = `${e.name}${typeof fn === 'string' && fn ? ` (${fn})` : ''}`;
      inner.set(label, (inner.get(label) ?? 0) + (e.dur ?? 0));
    }
    console.log(
      `    in it: ${top(inner, 6)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')}`,
    );
    const self = new Map<string, number>();
    const within = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    for (const s of within) self.set(s.stack[0] ?? '?', (self.get(s.stack[0] ?? '?') ?? 0) + 1);
    const share = (n: number) => `${Math.round((100 * n) / Math.max(1, within.length))}%`;
    console.log(
      `    sampled (self): ${top(self, 5)
        .map(([k, v]) => `${k} ${share(v)}`)
        .join(', ')}`,
    );
    const others = [...busyThreads(events, task.ts, end)].filter(([k, v]) => k !== main && v > 10_000);
    others.sort((a, b) => b[1] - a[1]);
    console.log(
      `    meanwhile: ${others
        .slice(0, 5)
        .map(([k, v]) => `${threadName(k)} ${ms(v)}`)
        .join(', ')}`,
    );
  }
}
