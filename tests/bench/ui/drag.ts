/**
 * The canvas bench page: the same generated graph drawn by Fingraph's Cytoscape canvas (its own
 * style and settings) or by vis-network (what neovis.js uses), and a frame recorder. The bench
 * (ui.bench.ts) drives the mouse; this page only draws and counts frames.
 */
import { DataSet, Network } from 'vis-network/standalone';
import { createCanvas } from '../../../client/src/graph/canvas';
import { attachHover } from '../../../client/src/graph/hover';
import { labelStyle, typeColor } from '../../../client/src/graph/palette';
import { displayName } from '../../../client/src/graph/display';
import { render } from '../../../client/src/graph/render';
import { restyled } from '../../../client/src/graph/restyle';
import { addGraph, emptyView, type ViewState } from '../../../client/src/state';
import { computeLooks } from '../../../client/src/styling/looks';
import { decodeRules, type EncodedRules } from '../../../client/src/styling/rules';

const LABELS = ['Company', 'Bank', 'Product', 'Regulator', 'Person'];

interface Graph {
  nodes: Array<{ id: string; name: string; label: string; x: number; y: number }>;
  edges: Array<{ id: string; source: string; target: string; type: string }>;
}

/**
 * A deterministic graph laid out as a layout would leave it: n nodes on a jittered grid, 2n
 * relationships between near nodes (the next ones in the row, or the row below).
 */
function generate(n: number): Graph {
  let seed = 42;
  const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const columns = Math.ceil(Math.sqrt(n));
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    name: `Entity ${i}`,
    label: LABELS[i % LABELS.length]!,
    x: (i % columns) * 110 + random() * 50,
    y: Math.floor(i / columns) * 110 + random() * 50,
  }));
  const edges: Graph['edges'] = [];
  for (let i = 0; i < 2 * n; i += 1) {
    const a = Math.floor(random() * n);
    const b = random() < 0.5 ? a + 1 + Math.floor(random() * 2) : a + columns + Math.floor(random() * 3) - 1;
    if (b < n && a !== b) edges.push({ id: `e${i}`, source: `n${a}`, target: `n${b}`, type: 'PARTNERS_WITH' });
  }
  return { nodes, edges };
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

async function mountCytoscape(graph: Graph, textureOnViewport: boolean, zoom: number | null, hover = false): Promise<void> {
  const cy = createCanvas(document.getElementById('stage')!, { textureOnViewport });
  cy.add([
    ...graph.nodes.map((node) => {
      const style = labelStyle(node.label);
      return { group: 'nodes' as const, data: { id: node.id, name: node.name, label: node.label, color: style.color, shape: style.shape }, position: { x: node.x, y: node.y } };
    }),
    ...graph.edges.map((edge) => ({ group: 'edges' as const, data: { ...edge, color: typeColor(edge.type) } })),
  ]);
  cy.autoungrabify(true);
  (window as unknown as { benchCy: typeof cy }).benchCy = cy;
  const hovering = hover ? attachHover(cy) : null;
  nodeSpots = () => {
    const rect = cy.container()!.getBoundingClientRect();
    return cy.nodes().map((node) => node.renderedPosition()).filter((at) => at.x > 20 && at.y > 20 && at.x < rect.width - 20 && at.y < rect.height - 20);
  };
  // While a neighbourhood is lit, everything else on the canvas is under the hover layer's veil.
  fadedCount = () => (hovering && hovering.lit().length > 0 ? cy.elements().length - hovering.lit().length : 0);
  cy.on('render', () => {
    if (recording) draws.push(performance.now());
  });
  cy.fit(undefined, 40);
  if (zoom !== null) cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  viewAt = () => ({ ...cy.pan() });
  emptySpot = () => {
    // Cytoscape's own hit test (its renderer's): a press on any element, edges too, does not pan.
    const renderer = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactiveOnly: boolean, touch: boolean): unknown } }).renderer();
    const pan = cy.pan();
    const zoom = cy.zoom();
    for (let y = 12; y < 400; y += 23) for (let x = 12; x < 400; x += 23) if (!renderer.findNearestElement((x - pan.x) / zoom, (y - pan.y) / zoom, true, false)) return { x, y };
    return { x: 12, y: 12 };
  };
}

const COUNTRIES = ['China', 'Germany', 'France', 'Brazil', 'Japan', 'India', 'Kenya', 'Canada'];
/** The styling bench's canvas: the graph as the explorer holds it (a view state, drawn by its render step). */
let styled: { cy: import('cytoscape').Core; state: ViewState } | null = null;
/** The cheap cull's drawCachedElements, while the bench has it switched off. */
let culled: unknown = null;
/** When the last applyStyle began. */
let appliedFrom = 0;

async function mountStyled(graph: Graph, zoom: number | null): Promise<void> {
  const cy = createCanvas(document.getElementById('stage')!);
  const state = addGraph(
    emptyView(),
    {
      nodes: graph.nodes.map((node, i) => ({ id: node.id, labels: [node.label], properties: { name: node.name, country: COUNTRIES[i % COUNTRIES.length]!, revenue: (i * 7919) % 1000 } })),
      edges: graph.edges.map((edge, i) => ({ id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: { year: 2000 + (i % 20) } })),
    },
    { positions: Object.fromEntries(graph.nodes.map((node) => [node.id, { x: node.x, y: node.y }])) },
  );
  render(cy, state);
  cy.autoungrabify(true);
  cy.on('render', () => {
    if (recording) draws.push(performance.now());
  });
  cy.fit(undefined, 40);
  if (zoom !== null) cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  styled = { cy, state };
}

async function mountVis(graph: Graph, zoom: number | null): Promise<void> {
  const nodes = new DataSet(graph.nodes.map((node) => ({ id: node.id, label: node.name, x: node.x, y: node.y, color: labelStyle(node.label).color, shape: 'dot', size: 14 })));
  const edges = new DataSet(graph.edges.map((edge) => ({ id: edge.id, from: edge.source, to: edge.target, label: edge.type, arrows: 'to' })));
  const network = new Network(document.getElementById('stage')!, { nodes, edges }, { physics: false, edges: { smooth: false, font: { size: 8 } }, nodes: { font: { size: 11 } }, interaction: { dragView: true, dragNodes: false, zoomView: true } });
  network.on('afterDrawing', () => {
    if (recording) draws.push(performance.now());
  });
  await new Promise<void>((resolve) => {
    network.once('afterDrawing', () => resolve());
    network.fit({ animation: false });
  });
  if (zoom !== null) network.moveTo({ scale: zoom, animation: false });
  emptySpot = () => {
    for (let y = 12; y < 400; y += 7) for (let x = 12; x < 400; x += 7) if (network.getNodeAt({ x, y }) === undefined && network.getEdgeAt({ x, y }) === undefined) return { x, y };
    return { x: 12, y: 12 };
  };
  viewAt = () => {
    const position = network.getViewPosition();
    const scale = network.getScale();
    return { x: -position.x * scale, y: -position.y * scale };
  };
}

/** Where nodes are drawn in the view (DOM pixels of the stage), for the hover bench. */
let nodeSpots: () => Array<{ x: number; y: number }> = () => [];
/** How many elements hover has faded (to check that a hover took effect). */
let fadedCount: () => number = () => 0;

/** A point of the stage (DOM pixels) with no node under it, where a drag moves the view. */
let emptySpot: () => { x: number; y: number } = () => ({ x: 12, y: 12 });
/** Where the view is (pan offset), to check that a drag moved it. */
let viewAt: () => { x: number; y: number } = () => ({ x: 0, y: 0 });

let frames: number[] = [];
/** When the canvas was drawn (Cytoscape's render event, vis-network's afterDrawing). */
let draws: number[] = [];
let recording = false;

async function record(): Promise<void> {
  while (recording) frames.push(await nextFrame());
}

const bench = {
  /** Draws n nodes; `zoom` null fits the whole graph, a number zooms to it around the centre. */
  async mount(kind: 'cytoscape' | 'cytoscape-stock' | 'vis' | 'cytoscape-hover' | 'cytoscape-styling', n: number, zoom: number | null): Promise<void> {
    const graph = generate(n);
    if (kind === 'vis') await mountVis(graph, zoom);
    else if (kind === 'cytoscape-styling') await mountStyled(graph, zoom);
    else await mountCytoscape(graph, kind !== 'cytoscape-stock', zoom, kind === 'cytoscape-hover');
    for (let i = 0; i < 10; i += 1) await nextFrame();
  },
  /**
   * Applies styling rules (their link form) as the explorer does: the looks computed from the view
   * state, then one render step. Returns the time in JS (the render step may leave the data changes
   * to later frames: styleApplied waits for them).
   */
  applyStyle(rules: EncodedRules): { ms: number } {
    const { cy, state } = styled!;
    const start = performance.now();
    render(cy, state, computeLooks(state, decodeRules(rules).rules, displayName));
    const ms = performance.now() - start;
    appliedFrom = start;
    return { ms };
  },
  /** Once the canvas has the rules everywhere (a large view restyles across frames): the ms since applyStyle began, and how many nodes have a size. */
  async styleApplied(): Promise<{ ms: number; sized: number }> {
    const { cy } = styled!;
    await restyled(cy);
    return { ms: performance.now() - appliedFrom, sized: cy.nodes('[size]').length };
  },
  /** Moves one node of the styling bench's canvas by a pixel: the least change that makes Cytoscape redraw. */
  nudge(): void {
    const node = styled!.cy.nodes()[500]!;
    node.position({ x: node.position('x') + 1, y: node.position('y') });
  },
  /** Switches the styling bench canvas's cheap cull (graph/cull.ts) off or on again: its renderer's own drawCachedElements removed or put back. */
  cull(on: boolean): boolean {
    const renderer = (styled!.cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    if (!Object.prototype.hasOwnProperty.call(renderer, 'drawCachedElements') && !culled) return false;
    culled ??= renderer.drawCachedElements;
    if (on) renderer.drawCachedElements = culled;
    else delete renderer.drawCachedElements;
    return true;
  },
  nodeSpots(): Array<{ x: number; y: number }> {
    return nodeSpots();
  },
  fadedCount(): number {
    return fadedCount();
  },
  emptySpot(): { x: number; y: number } {
    return emptySpot();
  },
  viewAt(): { x: number; y: number } {
    return viewAt();
  },
  startFrames(): void {
    frames = [];
    draws = [];
    recording = true;
    void record();
  },
  /** The gaps between browser frames, and between drawings of the graph, since startFrames. */
  stopFrames(): { frames: number[]; draws: number[] } {
    recording = false;
    const gaps = (times: number[]): number[] => times.slice(1).map((time, index) => time - times[index]!);
    return { frames: gaps(frames), draws: gaps(draws) };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.body.dataset.ready = 'true';
