/**
 * The page's main-thread tasks from a Chromium trace: how long each ran (wall clock) and how much
 * CPU it used. On a machine whose cores are shared, a frame gap also counts the time the page waited
 * for a core; a task's CPU time is the work the page itself did in it, whatever else runs.
 */
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
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let buffer: Buffer;
  try {
    await during();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks = events.filter((event) => event.ph === 'X' && event.name === 'RunTask' && mains.has(`${event.pid}:${event.tid}`));
  return { wall: tasks.map((task) => (task.dur ?? 0) / 1000), cpu: tasks.map((task) => (task.tdur ?? task.dur ?? 0) / 1000) };
}
