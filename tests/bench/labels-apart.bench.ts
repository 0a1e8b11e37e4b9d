/**
 * How long the camera's "how close together may the graph be drawn before labels touch" takes
 * (client/src/layout/labels-apart.ts, O(n²) over node pairs), for 100 to 2,000 nodes laid out at
 * random with 110×14 labels. Prints figures; no thresholds (npm run bench:labels).
 */
import { apartDownTo, type Placed } from '../../client/src/layout/labels-apart';

function nodes(count: number, seed = 1): Placed[] {
  let state = seed;
  const random = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const side = Math.sqrt(count) * 150;
  return Array.from({ length: count }, () => ({ x: random() * side, y: random() * side, box: { x1: -55, y1: 16, x2: 55, y2: 30 } }));
}

for (const count of [100, 300, 1000, 2000]) {
  const placed = nodes(count);
  const runs = count >= 1000 ? 5 : 20;
  apartDownTo(placed, { x: 0, y: 0 }, 4);
  const started = performance.now();
  let factor = 0;
  for (let run = 0; run < runs; run += 1) factor = apartDownTo(placed, { x: 0, y: 0 }, 4);
  const each = (performance.now() - started) / runs;
  console.log(`${String(count).padStart(5)} nodes: ${each.toFixed(2)} ms a call (factor ${factor.toFixed(3)})`);
}
