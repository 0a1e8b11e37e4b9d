/**
 * `npm run bench:ui`: the explorer in Debian's Chromium (software rendering, this machine's cores).
 * - Canvas: the 95th-percentile frame gap while a real mouse drags the view, with 1,000 and 5,000
 *   nodes (twice as many relationships), Fingraph's Cytoscape canvas next to vis-network (what
 *   neovis.js uses) on the same graph in the same browser run, and stock Cytoscape for reference.
 * - Expand: double-click to the 100 new neighbours painted, on loopback against a real Neo4j.
 * - Start view: the page asked for to the first view painted.
 * - First load: the gzipped size of what the page loads before it can be used.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { buildClientIfNeeded, CLIENT_DIST } from '../../server/cli/client-build';
import { PROJECT_ROOT } from '../../server/config';
import { launchBrowser } from '../support/browser';
import { loadSeed, openDatabase } from '../support/database';
import { freePort } from '../../server/local-neo4j';
import type { Neo4jConnection } from '../../server/config';
import { createThrowawayNeo4j } from '../support/throwaway-neo4j';

const log = (line: string): void => console.log(line);
const VIEWPORT = { width: 1440, height: 900 };
const EXPANSIONS = Number(process.env.BENCH_EXPANSIONS ?? 30);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number): string => value.toFixed(1);

/** The gzipped bytes of index.html and every script, style and preload it names. */
function firstLoadSize(): { files: number; raw: number; gzip: number } {
  const html = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  let raw = 0;
  let gzip = 0;
  for (const file of ['index.html', ...new Set(assets)]) {
    const bytes = fs.readFileSync(path.join(CLIENT_DIST, file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: assets.length + 1, raw, gzip };
}

async function buildBenchPage(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fingraph-ui-bench-'));
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', path.join(__dirname, 'ui'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`The bench page build failed (vite exit ${code}).`);
  return out;
}

interface Gaps {
  frames: number[];
  draws: number[];
}

/** Drags the view with the real mouse (`moves` moves 16 ms apart); the gaps between frames and between drawings. */
async function dragGaps(page: Page, moves = 120): Promise<Gaps> {
  const box = (await page.locator('#stage').boundingBox())!;
  const spot = await page.evaluate(() => (window as unknown as { bench: { emptySpot(): { x: number; y: number } } }).bench.emptySpot());
  const start = { x: box.x + spot.x, y: box.y + spot.y };
  await page.mouse.move(start.x, start.y);
  const before = await page.evaluate(() => (window as unknown as { bench: { viewAt(): { x: number; y: number } } }).bench.viewAt());
  await page.evaluate(() => (window as unknown as { bench: { startFrames(): void } }).bench.startFrames());
  await page.mouse.down();
  for (let step = 1; step <= moves; step += 1) {
    const t = step / moves;
    const swing = Math.sin(t * Math.PI * 2);
    await page.mouse.move(start.x + 300 * t + 60 * swing, start.y + 200 * t);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const gaps = await page.evaluate(() => (window as unknown as { bench: { stopFrames(): Gaps } }).bench.stopFrames());
  const after = await page.evaluate(() => (window as unknown as { bench: { viewAt(): { x: number; y: number } } }).bench.viewAt());
  if (Math.hypot(after.x - before.x, after.y - before.y) < 100) throw new Error(`The drag did not move the view (${JSON.stringify(before)} → ${JSON.stringify(after)}).`);
  return gaps;
}

async function canvasBench(browser: Browser): Promise<void> {
  const dir = await buildBenchPage();
  const app = express().use(express.static(dir));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  log('\nDragging the view with the real mouse (120 moves, 16 ms apart). Gaps in ms between drawings of the');
  log('graph (what the user sees move) and between browser frames (whether the page stays responsive).');
  log('| nodes / relationships | zoom | canvas | drawings | p50 draw gap | p95 draw gap | p95 vs vis-network | p95 frame gap |');
  log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [n, zoom] of [[1000, null], [5000, null], [1000, 1], [5000, 1]] as const) {
    const results: Record<string, { p50: number; p95: number; draws: number; frames: number }> = {};
    for (const kind of ['cytoscape', 'vis', 'cytoscape-stock'] as const) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.evaluate(({ kind, n, zoom }) => (window as unknown as { bench: { mount(k: string, n: number, z: number | null): Promise<void> } }).bench.mount(kind, n, zoom), { kind, n, zoom });
      await dragGaps(page, 20); // warm-up
      const gaps = await dragGaps(page);
      results[kind] = { p50: percentile(gaps.draws, 50), p95: percentile(gaps.draws, 95), draws: gaps.draws.length, frames: percentile(gaps.frames, 95) };
      await context.close();
    }
    const vis = results.vis!.p95;
    const names = { cytoscape: 'Fingraph (Cytoscape, texture on viewport)', vis: 'vis-network', 'cytoscape-stock': 'stock Cytoscape' } as const;
    for (const kind of ['cytoscape', 'vis', 'cytoscape-stock'] as const) {
      const result = results[kind]!;
      log(`| ${n.toLocaleString('en-US')} / ${(2 * n).toLocaleString('en-US')} | ${zoom === null ? 'whole graph' : '1 (labels readable)'} | ${names[kind]} | ${result.draws} | ${ms(result.p50)} | ${ms(result.p95)} | ${(result.p95 / vis).toFixed(2)} | ${ms(result.frames)} |`);
    }
  }
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function appBench(browser: Browser): Promise<void> {
  const neo4j = await createThrowawayNeo4j('ui-bench');
  await neo4j.start();
  const database = openDatabase(neo4j.connection);
  try {
    await loadSeed(database);
    await database.runStatement(
      `CREATE (hub:Company {id: 'bench-hub', name: 'Benchmark Hub'})
       WITH hub UNWIND range(1, 100) AS i
       CREATE (hub)-[:PARTNERS_WITH {year: 2000 + i % 20}]->(:Bank {id: 'bench-bank-' + i, name: 'Bench Bank ' + i})`,
    );
    await database.runStatement('CALL db.awaitIndexes(60)');
    // The app in its own process, as `npm start` runs it against a Neo4j of the user's.
    const app = await startAppProcess(neo4j.connection);

    log(`Neo4j and the app ready (${app.url}); measuring the first render...`);
    const firstRenders: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(app.url);
      await page.waitForSelector('body[data-first-render-ms]', { state: 'attached', timeout: 60_000 });
      firstRenders.push(Number(await page.getAttribute('body', 'data-first-render-ms')));
      await context.close();
    }

    log('Measuring expansions...');
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(() => localStorage.setItem('fingraph.pageSize', '100'));
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#clear');
    await page.fill('#search', 'Benchmark Hub');
    await page.locator('.search-hit', { hasText: 'Benchmark Hub' }).first().dispatchEvent('mousedown');
    await page.waitForFunction(() => (window as unknown as { fingraph: { cy: { nodes(): { length: number } } } }).fingraph.cy.nodes().length === 1);
    const expands: number[] = [];
    const drawnAt: number[] = [];
    const fetches: number[] = [];
    const drawings: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i < EXPANSIONS + 3; i += 1) {
      // In-page code as text: tsx would wrap named functions in a helper the page does not have.
      await page.evaluate(`
        window.painted = new Promise((resolve) => {
          const cy = window.fingraph.cy;
          cy.one('dbltap', 'node', () => {
            const began = performance.now();
            // Also when the frame in which Cytoscape drew them has been painted: its render event runs in
            // that frame's animation callbacks; a task queued from there runs after the frame's paint.
            window.drawn = new Promise((done) => {
              const onRender = () => {
                if (cy.nodes().length >= 101) {
                  cy.off('render', onRender);
                  setTimeout(() => done(performance.now() - began), 0);
                }
              };
              cy.on('render', onRender);
            });
            const check = () => {
              if (cy.nodes().length >= 101) requestAnimationFrame(() => resolve(performance.now() - began));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          });
        });
        true;
      `);
      const at = await page.evaluate(() => {
        const cy = (window as unknown as { fingraph: { cy: import('cytoscape').Core } }).fingraph.cy;
        const rect = cy.container()!.getBoundingClientRect();
        const position = cy.nodes().first().renderedPosition();
        return { x: rect.left + position.x, y: rect.top + position.y };
      });
      await page.mouse.dblclick(at.x, at.y);
      const took = await Promise.race([
        page.evaluate(() => (window as unknown as { painted: Promise<number> }).painted),
        page.waitForTimeout(15_000).then(async () => {
          const count = await page.evaluate(() => (window as unknown as { fingraph: { cy: { nodes(): { length: number } } } }).fingraph.cy.nodes().length);
          throw new Error(`No 100 neighbours painted 15 s after the double-click at ${JSON.stringify(at)} (${count} nodes on the canvas).`);
        }),
      ]);
      if (i >= 3) {
        expands.push(took);
        drawnAt.push((await page.evaluate(() => (window as unknown as { drawn: Promise<number> }).drawn)) as number);
      }
      const parts = await page.evaluate(`(() => {
        const network = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/neighbors')).pop();
        return [performance.getEntriesByName('fingraph:expand-fetch').pop().duration, performance.getEntriesByName('fingraph:expand-draw').pop().duration, network.responseStart - network.requestStart];
      })()`);
      if (i >= 3) {
        const [fetchMs, drawMs, waitMs] = parts as number[];
        fetches.push(fetchMs!);
        drawings.push(drawMs!);
        waits.push(waitMs!);
      }
      // Wait for the follow-up (relationships among the new nodes) before undoing the step.
      await page.waitForLoadState('networkidle');
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => (window as unknown as { fingraph: { cy: { nodes(): { length: number } } } }).fingraph.cy.nodes().length === 1);
      // A user does not double-click in the same instant as the undo: let the page settle.
      await page.waitForTimeout(300);
    }
    await context.close();
    await app.close();

    log('\nOn the seed data plus a node with 100 neighbours, app and Neo4j on loopback; ms.');
    log('| measure | runs | p50 | p95 | target |');
    log('| --- | --- | --- | --- | --- |');
    log(`| double-click to 100 new neighbours painted (seen in a frame, then the next frame) | ${expands.length} | ${ms(percentile(expands, 50))} | ${ms(percentile(expands, 95))} | p95 ≤ 100 |`);
    log(`| double-click to the frame with the 100 neighbours drawn, painted (Cytoscape's render event, then the task after the paint) | ${drawnAt.length} | ${ms(percentile(drawnAt, 50))} | ${ms(percentile(drawnAt, 95))} | |`);
    log(`| of which: the API request (fetch to JSON parsed) | ${fetches.length} | ${ms(percentile(fetches, 50))} | ${ms(percentile(fetches, 95))} | |`);
    log(`| within it: request sent to first byte of the answer (server time) | ${waits.length} | ${ms(percentile(waits, 50))} | ${ms(percentile(waits, 95))} | |`);
    log(`| of which: the state change and Cytoscape's drawing call | ${drawings.length} | ${ms(percentile(drawings, 50))} | ${ms(percentile(drawings, 95))} | |`);
    log(`| page asked for to the start view painted | ${firstRenders.length} | ${ms(percentile(firstRenders, 50))} | ${ms(percentile(firstRenders, 95))} | |`);
  } finally {
    await database.close();
    await neo4j.remove();
  }
}

/** `npm start` (tsx server/cli/start.ts) pointed at the given Neo4j, on a free port; resolves when it is ready. */
async function startAppProcess(connection: Neo4jConnection): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'server', 'cli', 'start.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is ready in')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The app exited (${code}) before it was ready:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  await buildClientIfNeeded(log);
  const size = firstLoadSize();
  log(`First load: ${size.files} files, ${(size.raw / 1024).toFixed(0)} KB, ${(size.gzip / 1024).toFixed(1)} KB gzipped (target ≤ 350 KB).`);
  const browser = await launchBrowser();
  try {
    if (process.env.BENCH_UI !== 'app') await canvasBench(browser);
    if (process.env.BENCH_UI !== 'canvas') await appBench(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
