/**
 * The page's main-thread tasks from a Chromium trace: how long each ran (wall clock) and how much
 * CPU it used. On a machine whose cores are shared, a frame gap also counts the time the page waited
 * for a core; a task's CPU time is the work the page itself did in it, whatever else runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export interface Tasks {
  /** Wall-clock ms of each task, in order. */
  wall: number[];
  /** CPU ms of each task. */
  cpu: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Runs `during` with the page traced; the renderer main thread's tasks while it ran. */
export async function traceTasks(browser: Browser, page: Page, during: () => Promise<void>): Promise<Tasks> {
  // BENCH_TRACE_DIR: the traces are also saved there, with Blink's and the compositor's phases; BENCH_TRACE_JS=1 adds the JS sampling profiler (which slows the page).
  const categories = process.env.BENCH_TRACE_DIR ? [...TRACE_CATEGORIES, 'blink', 'cc', 'v8', ...(process.env.BENCH_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : [])] : TRACE_CATEGORIES;
  await browser.startTracing(page, { categories });
  let buffer: Buffer;
  try {
    await during();
  } finally {
    buffer = await browser.stopTracing();
  }
  if (process.env.BENCH_TRACE_DIR) {
    fs.mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
    fs.writeFileSync(path.join(process.env.BENCH_TRACE_DIR, `trace-${Date.now()}.json`), buffer);
  }
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks = events.filter((event) => event.ph === 'X' && event.name === 'RunTask' && mains.has(`${event.pid}:${event.tid}`));
  return { wall: tasks.map((task) => (task.dur ?? 0) / 1000), cpu: tasks.map((task) => (task.tdur ?? task.dur ?? 0) / 1000) };
}
