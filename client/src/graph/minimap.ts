/**
 * A navigator for large views: the whole graph as dots, the visible part as a frame; click or drag
 * in it to move the view there. The dots are drawn once per change of the graph, the frame on
 * every change of the viewport.
 */
import type { Core } from 'cytoscape';
import { restyled } from './restyle';

export function createMinimap(cy: Core, canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d')!;
  const dots = document.createElement('canvas');
  let box = { x1: 0, y1: 0, w: 1, h: 1 };
  let scale = 1;
  let offset = { x: 0, y: 0 };
  let dirty = true;
  let frame = 0;

  // Positions and colours are read from Cytoscape once per change of the graph; the frame is
  // drawn on every change of the viewport.
  let points: { x: number; y: number; color: string }[] = [];
  let graphBox = { x1: 0, y1: 0, x2: 1, y2: 1 };
  const readGraph = (): void => {
    points = cy.nodes(':visible').map((node) => ({ ...node.position(), color: String(node.data('color') ?? '#64748b') }));
    graphBox = points.length === 0 ? { x1: 0, y1: 0, x2: 1, y2: 1 } : points.reduce((b, p) => ({ x1: Math.min(b.x1, p.x), y1: Math.min(b.y1, p.y), x2: Math.max(b.x2, p.x), y2: Math.max(b.y2, p.y) }), { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
  };
  const drawDots = (): void => {
    dots.width = canvas.width;
    dots.height = canvas.height;
    const dotContext = dots.getContext('2d')!;
    for (const point of points) {
      dotContext.fillStyle = point.color;
      dotContext.fillRect(offset.x + (point.x - box.x1) * scale - 1.5, offset.y + (point.y - box.y1) * scale - 1.5, 3, 3);
    }
  };

  const draw = (): void => {
    frame = 0;
    if (dirty) readGraph();
    // The frame of the view and the graph both fit in the navigator.
    const extent = cy.extent();
    const x1 = Math.min(graphBox.x1, extent.x1);
    const y1 = Math.min(graphBox.y1, extent.y1);
    const next = { x1, y1, w: Math.max(graphBox.x2, extent.x2) - x1 || 1, h: Math.max(graphBox.y2, extent.y2) - y1 || 1 };
    const moved = next.x1 !== box.x1 || next.y1 !== box.y1 || next.w !== box.w || next.h !== box.h;
    if (moved) {
      box = next;
      scale = Math.min((canvas.width - 8) / box.w, (canvas.height - 8) / box.h);
      offset = { x: (canvas.width - box.w * scale) / 2, y: (canvas.height - box.h * scale) / 2 };
    }
    if (dirty || moved) drawDots();
    dirty = false;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(dots, 0, 0);
    context.strokeStyle = '#2563eb';
    context.lineWidth = 1.5;
    context.strokeRect(offset.x + (extent.x1 - box.x1) * scale, offset.y + (extent.y1 - box.y1) * scale, extent.w * scale, extent.h * scale);
  };
  const schedule = (graphChanged: boolean): void => {
    dirty ||= graphChanged;
    if (!frame) frame = requestAnimationFrame(draw);
  };

  cy.on('add remove position', () => schedule(true));
  // A restyle across frames (restyle.ts) changes colours slice by slice: the dots are read again once it is done, not at every frame of it.
  let styleWait = false;
  cy.on('style', () => {
    if (styleWait) return;
    styleWait = true;
    void restyled(cy).then(() => {
      styleWait = false;
      schedule(true);
    });
  });
  cy.on('viewport resize', () => schedule(false));

  const panTo = (event: PointerEvent): void => {
    const rect = canvas.getBoundingClientRect();
    const x = box.x1 + ((event.clientX - rect.left) * (canvas.width / rect.width) - offset.x) / scale;
    const y = box.y1 + ((event.clientY - rect.top) * (canvas.height / rect.height) - offset.y) / scale;
    const zoom = cy.zoom();
    cy.pan({ x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom });
  };
  canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture(event.pointerId);
    panTo(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (canvas.hasPointerCapture(event.pointerId)) panTo(event);
  });
  schedule(true);
}
