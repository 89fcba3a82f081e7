/**
 * Page cost as a reader pays it, read from a Chrome trace of the page's renderer main
 * thread: every top-level task that ran Backstory's code (an event inside it names a
 * `chrome-extension://` script) or Chrome's extension machinery on its behalf, summed as
 * wall time (`dur`) and thread CPU time (`tdur`), counted, and the longest one. The page's
 * own style, layout, parsing and paint inside such a task, outside every extension event,
 * is left out (see PAGE_WORK).
 */
import type { CDPSession } from 'playwright-core';

/** Light categories: top-level tasks and the script events that name their script's URL. */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'extensions'].join(',');

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

/** Records a trace around `action` through a page's CDP session. */
export async function traceAround(cdp: CDPSession, action: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** The script URL a trace event names, if any. */
function scriptUrl(e: TraceEvent): string | undefined {
  const data = (e.args?.data ?? e.args) as Record<string, unknown> | undefined;
  if (!data) return undefined;
  for (const u of [data.url, data.scriptName, data.fileName]) if (typeof u === 'string' && u) return u;
  const stack = data.stackTrace as { url?: string }[] | undefined;
  return stack?.[0]?.url;
}

/**
 * Whether an event is Backstory's code or Chrome's extension machinery. Not Chrome's
 * check of every document against content scripts' URL patterns
 * (`ContentScriptInjectionUrlGetter`): it runs in a browser without any extension too,
 * inside the page's own navigation, parsing and layout tasks.
 */
export function isExtensionEvent(e: TraceEvent): boolean {
  if (e.name.startsWith('ContentScriptInjectionUrlGetter')) return false;
  if (/extension/i.test(e.cat) || /ScriptInjection|ExtensionMessage|UserScript/i.test(e.name)) return true;
  // An extension API's answer arriving (storage.local.get, sendMessage): a mojo message
  // on one of the extensions interfaces.
  const mojo = e.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined;
  if (mojo?.mojo_interface_tag?.startsWith('extensions.mojom')) return true;
  return scriptUrl(e)?.startsWith('chrome-extension://') ?? false;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface TaskCost {
  /** Each task: ms after the first, wall and CPU ms, and the longest events inside it. */
  list?: { atMs: number; wallMs: number; cpuMs: number; inside: string }[];
  /** Sum of the tasks' wall time, ms. */
  wallMs: number;
  /** Sum of their thread CPU time, ms. */
  cpuMs: number;
  tasks: number;
  longestMs: number;
}

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/**
 * The microtask checkpoint Blink runs right after a task, outside it in the trace: where
 * an extension API's promise resolves, so a content script's `await browser.storage…`
 * continuation runs here, with no script URL on any event. It belongs to the task before
 * it (the two run back to back, one long task to the reader).
 */
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';

/**
 * The page's own rendering work. Chrome runs the `document_idle` injection in a task
 * that first brings the page's style and layout up to date; that part is the page's
 * (the same work runs without the extension), unless it happens inside an extension
 * event (a layout the content script forces is the extension's).
 */
const PAGE_WORK = new Set(['UpdateLayoutTree', 'Layout', 'ParseHTML', 'PrePaint', 'Paint', 'Layerize']);

/** Total length of the union of [start, end) intervals. */
function unionLength(intervals: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * The renderer main threads' top-level tasks, and the cost of those that ran extension
 * work. `all` is every top-level task on those threads (the page's own work included).
 */
export function extensionCost(
  events: readonly TraceEvent[],
  pageUrl?: string,
): { extension: TaskCost; all: TaskCost } {
  const mainThreads = new Set(
    events
      .filter(
        (e) => e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string) === 'CrRendererMain',
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's renderer: the main thread whose script events name the page's URL.
  const pageThread = mostCommon(
    events
      .filter(
        (e) =>
          mainThreads.has(`${e.pid}:${e.tid}`) && pageUrl !== undefined && scriptUrl(e)?.startsWith(pageUrl),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) =>
    pageThread ? `${e.pid}:${e.tid}` === pageThread : mainThreads.has(`${e.pid}:${e.tid}`),
  );
  // Top-level tasks only: a task nested in another (a nested run loop) is part of it.
  const tasks: TraceEvent[] = [];
  for (const e of onMain
    .filter((x) => x.ph === 'X' && TOP_LEVEL.has(x.name) && typeof x.dur === 'number')
    .sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    if (last && last.pid === e.pid && last.tid === e.tid && e.ts < last.ts + last.dur!) continue;
    tasks.push(e);
  }
  // Checkpoints outside every task, each with the task just before it.
  const checkpoints = onMain
    .filter((x) => x.ph === 'X' && x.name === CHECKPOINT && (x.dur ?? 0) > 0)
    .filter((c) => !tasks.some((t) => t.ts <= c.ts && c.ts < t.ts + t.dur!));
  const after = new Map<TraceEvent, TraceEvent[]>();
  for (const c of checkpoints) {
    let before: TraceEvent | undefined;
    for (const t of tasks) if (t.ts + t.dur! <= c.ts && t.pid === c.pid && t.tid === c.tid) before = t;
    if (before) after.set(before, [...(after.get(before) ?? []), c]);
  }
  const marked = onMain.filter(isExtensionEvent).sort((a, b) => a.ts - b.ts);
  const extension: { task: TraceEvent; wall: number; cpu: number }[] = [];
  let k = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (k < marked.length && marked[k]!.ts < task.ts) k++;
    const mine: TraceEvent[] = [];
    for (let j = k; j < marked.length && marked[j]!.ts <= end; j++)
      if (marked[j]!.pid === task.pid && marked[j]!.tid === task.tid) mine.push(marked[j]!);
    if (mine.length === 0) continue;
    // The page's rendering work in the task, outside every extension event.
    const outside = (e: TraceEvent) =>
      !mine.some((m) => m.dur !== undefined && e.ts < m.ts + m.dur && m.ts < e.ts + e.dur!);
    const page = onMain.filter(
      (e) =>
        e.ph === 'X' &&
        PAGE_WORK.has(e.name) &&
        e.dur !== undefined &&
        e.ts >= task.ts &&
        e.ts + e.dur <= end &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        outside(e),
    );
    const pageWall = unionLength(page.map((e) => [e.ts, e.ts + e.dur!]));
    const pageCpu = unionLength(page.map((e) => [e.ts, e.ts + (e.tdur ?? e.dur!)]));
    const tail = after.get(task) ?? [];
    extension.push({
      task,
      wall: task.dur! - pageWall + tail.reduce((n, c) => n + c.dur!, 0),
      cpu: Math.max(0, (task.tdur ?? 0) - pageCpu) + tail.reduce((n, c) => n + (c.tdur ?? c.dur!), 0),
    });
  }
  /** The longest events inside a task (name, function, ms), for reading where the time went. */
  const inside = (task: TraceEvent): string =>
    onMain
      .filter(
        (e) =>
          e !== task &&
          e.ph === 'X' &&
          (e.dur ?? 0) >= 300 &&
          [task, ...(after.get(task) ?? [])].some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur!),
      )
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 5)
      .map((e) => {
        const data = (e.args?.data ?? {}) as Record<string, unknown>;
        const fn = typeof data.functionName === 'string' && data.functionName ? `:${data.functionName}` : '';
        const type = typeof data.type === 'string' ? `:${data.type}` : '';
        return `${e.name}${fn}${type} ${(e.dur! / 1000).toFixed(1)}`;
      })
      .join(', ');
  // On long runs (an endless page), what is inside only the ten longest tasks.
  const tenth = [...extension].sort((a, b) => b.wall - a.wall)[9]?.wall ?? 0;
  const own: TaskCost = {
    list: extension.map(({ task, wall, cpu }) => ({
      atMs: (task.ts - extension[0]!.task.ts) / 1000,
      wallMs: wall / 1000,
      cpuMs: cpu / 1000,
      inside: extension.length <= 50 || wall >= tenth ? inside(task) : '',
    })),
    wallMs: extension.reduce((n, t) => n + t.wall, 0) / 1000,
    cpuMs: extension.reduce((n, t) => n + t.cpu, 0) / 1000,
    tasks: extension.length,
    longestMs: extension.reduce((n, t) => Math.max(n, t.wall), 0) / 1000,
  };
  const sum = (list: TraceEvent[]): TaskCost => ({
    wallMs: list.reduce((n, t) => n + t.dur!, 0) / 1000,
    cpuMs: list.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000,
    tasks: list.length,
    longestMs: list.reduce((n, t) => Math.max(n, t.dur!), 0) / 1000,
  });
  return { extension: own, all: sum([...tasks, ...checkpoints]) };
}
