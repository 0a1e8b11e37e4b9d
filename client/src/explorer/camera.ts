/**
 * The camera: what part of the graph the canvas shows. Fits and frames keep clear of the panels
 * over the canvas (legend, overview, counts) and no further out than the zoom at which labels are
 * drawn; a graph too wide for that is drawn closer together, as far as its labels stay apart, and
 * panned rather than shrunk past its labels after that.
 */
import type { Collection, Core, NodeCollection } from 'cytoscape';
import { READABLE_ZOOM } from '../graph';
import { apartDownTo, fitInto, freeArea, type Placed, type Rect } from '../layout';
import { drawTogether, type Position } from '../state';

/** How much closer together a fresh layout may be drawn to fit the free part of the canvas at a readable zoom. */
const MIN_SPREAD = 0.5;
/** Model pixels kept between two nodes' boxes (with their labels) when a layout is drawn together. */
const LABEL_GAP = 4;
/** Pixels between a framed graph and the edges of the free part of the canvas. */
export const FRAME_PADDING = 40;

type Box = { x1: number; y1: number; x2: number; y2: number };
type View = { zoom: number; pan: Position };

/** A box in model units as a view (a zoom and pan) draws it, in the canvas's pixels. */
function rendered(m: Box, view: View): Box {
  return { x1: m.x1 * view.zoom + view.pan.x, y1: m.y1 * view.zoom + view.pan.y, x2: m.x2 * view.zoom + view.pan.x, y2: m.y2 * view.zoom + view.pan.y };
}

export class Camera {
  /** The parts of the canvas that panels cover (legend, overview, counts), in the canvas's pixels. */
  private covered: () => Rect[] = () => [];
  /** Lets the panels that fold by themselves make room for the graph before a fit (see AutoFolds). */
  private makeRoom: () => void = () => undefined;
  /** How close together the last layout has been drawn since it ran (1: as it was; see drawnTogether). */
  private spread = 1;
  /** The canvas's size when last measured (see resized). */
  private size: { w: number; h: number };

  constructor(private readonly cy: Core) {
    this.size = { w: cy.width(), h: cy.height() };
  }

  /** Tells the camera where panels cover the canvas: fitting keeps the graph clear of them. */
  setOverlays(covered: () => Rect[]): void {
    this.covered = covered;
  }

  /** Tells the camera what folds panels away (or opens them again) for the graph: asked before a fit that frames the graph afresh (not while it only follows an expansion or a resize). */
  setRoomMaker(makeRoom: () => void): void {
    this.makeRoom = makeRoom;
  }

  /**
   * A check of whether the visible graph, framed as a fresh view is (fitClose: centred in the free
   * part of the canvas, no further out than the readable zoom), would have every node whole and clear
   * of the rectangles given: what decides whether the legend and the overview fold for it. The graph
   * is measured once, for as many checks as are asked. (A graph's box may reach under a corner panel
   * where no node is: only the nodes count.) The graph's box is that of its nodes with their labels:
   * relationships run between them (a loop or a bundle's curve may reach a little further, which
   * does not decide a fold), and Cytoscape's box of every element costs a collection per
   * relationship (its check for parallel ones): 15 ms at 1,000 nodes, for each legend redrawn.
   */
  readableCheck(): (covering: readonly Rect[]) => boolean {
    const nodes = this.cy.nodes(':visible');
    if (nodes.empty()) return () => true;
    const boxes = nodes.map((node) => node.boundingBox({ includeLabels: true, includeEdges: false }));
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity, w: 0, h: 0 };
    for (const b of boxes) {
      box.x1 = Math.min(box.x1, b.x1);
      box.y1 = Math.min(box.y1, b.y1);
      box.x2 = Math.max(box.x2, b.x2);
      box.y2 = Math.max(box.y2, b.y2);
    }
    box.w = box.x2 - box.x1;
    box.h = box.y2 - box.y1;
    return (covering) => {
      const view = this.framing(box, FRAME_PADDING, 1.5, READABLE_ZOOM, covering);
      return !boxes.some((m) => this.cut(rendered(m, view), covering));
    };
  }

  /** The middle of what the view shows, in graph coordinates. */
  centre(): Position {
    const extent = this.cy.extent();
    return { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 };
  }

  /**
   * The canvas changed size (the console drawer, the window): what was in the middle of the view
   * stays there, and a graph that was wholly in view stays so: drawn closer together (`move`, given
   * the new positions) rather than zoomed out past its labels, as far as allowed; zoomed out as
   * much as it must after that.
   */
  resized(move: (positions: Record<string, Position>) => void, pinned: ReadonlySet<string>): void {
    // A fit or framing still under way (the start view's, say, when the console opens at once) ends
    // where it was going first: what follows judges the view the user is about to see.
    if (this.cy.animated()) this.cy.stop(true, true);
    const before = this.size;
    const visible = this.cy.elements(':visible');
    // Rendered positions depend on the pan and zoom only, not on the canvas's size.
    const box = visible.nonempty() ? visible.renderedBoundingBox() : null;
    const whole = box !== null && box.x1 >= -1 && box.y1 >= -1 && box.x2 <= before.w + 1 && box.y2 <= before.h + 1;
    this.cy.resize();
    this.size = { w: this.cy.width(), h: this.cy.height() };
    if (before.w === 0 || before.h === 0 || this.size.w === 0 || this.size.h === 0) return;
    this.cy.panBy({ x: (this.size.w - before.w) / 2, y: (this.size.h - before.h) / 2 });
    if (whole && (this.size.w < before.w || this.size.h < before.h)) {
      let view = this.fitting(visible, 20, this.cy.zoom());
      if (view && view.zoom < READABLE_ZOOM && this.cy.zoom() >= READABLE_ZOOM) {
        const positions = Object.fromEntries(visible.nodes().map((node) => [node.id(), { ...node.position() }]));
        const together = this.drawnTogether(positions, pinned, this.spread);
        if (together !== positions) {
          move(together);
          view = this.fitting(this.cy.elements(':visible'), 20, this.cy.zoom());
        }
      }
      if (view) this.cy.viewport(view);
    } else if (whole && this.anyCut(visible.nodes())) {
      // Grown (the console closed), and a panel that unfolded with the room now covers part of the
      // graph that was wholly in view: fitted again, no closer than it was.
      const view = this.fitting(visible, 20, this.cy.zoom());
      if (view) this.cy.viewport(view);
    }
  }

  /** A layout ran: its positions are as it placed them (see drawnTogether). */
  laidOut(): void {
    this.spread = 1;
  }

  /**
   * A fresh layout (drawn already, by the layout run) that would need a zoom below the readable one to
   * fit the free part of the canvas: its positions drawn closer together, at most to MIN_SPREAD of
   * their distances since the layout ran, so that it fits there with its labels readable (or needs
   * less zooming out). Otherwise as they are. The `pinned` ones stay put.
   */
  drawnTogether(positions: Record<string, Position>, pinned: ReadonlySet<string>, spread = 1): Record<string, Position> {
    this.makeRoom();
    const visible = this.cy.elements(':visible');
    const view = this.fitting(visible, FRAME_PADDING);
    if (!view || view.zoom >= READABLE_ZOOM) return positions;
    // (Labels keep their size: the box shrinks a little less than the distances, hence the margin.)
    const factor = (view.zoom / READABLE_ZOOM) * 0.95;
    // `spread`: how close together the layout has been drawn already (after a resize).
    const box = visible.boundingBox();
    const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
    // Never so close that labels (and nodes) apart as laid out would touch: the camera pans instead.
    const applied = Math.max(MIN_SPREAD / spread, factor, this.apartDownTo(positions, centre));
    if (applied >= 0.99) return positions;
    this.spread = spread * applied;
    return drawTogether(positions, centre, applied, pinned);
  }

  /** The least factor the nodes at `positions` may be drawn together by before two of them, with their labels, come within LABEL_GAP. */
  private apartDownTo(positions: Record<string, Position>, centre: Position): number {
    const placed: Placed[] = [];
    this.cy.nodes(':visible').forEach((node) => {
      const at = positions[node.id()];
      if (!at) return;
      const now = node.position();
      const b = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      placed.push({ x: at.x, y: at.y, box: { x1: b.x1 - now.x, y1: b.y1 - now.y, x2: b.x2 - now.x, y2: b.y2 - now.y } });
    });
    return apartDownTo(placed, centre, LABEL_GAP);
  }

  /** Whether any of these nodes, with its label, is cut off by the canvas's edge or under a panel, in the view shown. */
  private anyCut(nodes: NodeCollection): boolean {
    const covered = this.covered();
    return nodes.some((node) => this.cut(node.renderedBoundingBox(), covered));
  }

  /** Whether a box (in the canvas's pixels) is cut off by the canvas's edge or under one of `covered`. */
  private cut(b: Box, covered: readonly Rect[]): boolean {
    return b.x1 < 0 || b.x2 > this.cy.width() || b.y1 < 0 || b.y2 > this.cy.height() || covered.some((r) => b.x1 < r.x2 && r.x1 < b.x2 && b.y1 < r.y2 && r.y1 < b.y2);
  }

  /** The zoom and pan that fit `elements` into the free part of the canvas, within the zoom limits given. */
  private fitting(elements: Collection, padding: number, maxZoom = this.cy.maxZoom(), minZoom = this.cy.minZoom()): View | null {
    if (elements.empty()) return null;
    return this.framing(elements.boundingBox(), padding, maxZoom, minZoom, this.covered());
  }

  /** The zoom and pan that fit a box (in model units) into the part of the canvas clear of `covered`, within the zoom limits given. */
  private framing(box: Box & { w: number; h: number }, padding: number, maxZoom: number, minZoom: number, covered: readonly Rect[]): View {
    const area = freeArea({ w: this.cy.width(), h: this.cy.height() }, covered, box, padding);
    return fitInto(box, area, padding, { min: Math.min(minZoom, maxZoom), max: maxZoom });
  }

  /** The part of the canvas clear of the panels, in model units at the readable zoom (what a layout may fill). */
  readableBox(): { x1: number; y1: number; w: number; h: number } {
    const size = { w: this.cy.width(), h: this.cy.height() };
    const area = freeArea(size, this.covered(), size, FRAME_PADDING);
    return { x1: 0, y1: 0, w: Math.max(100, (area.x2 - area.x1 - 2 * FRAME_PADDING) / READABLE_ZOOM), h: Math.max(100, (area.y2 - area.y1 - 2 * FRAME_PADDING) / READABLE_ZOOM) };
  }

  /** Brings these nodes into view when some are outside it or under a panel, without zooming in past 1.5. */
  reveal(ids: string[]): void {
    const wanted = new Set(ids);
    const nodes = this.cy.nodes().filter((node) => wanted.has(node.id()));
    if (!this.anyCut(nodes)) return;
    this.cy.stop();
    this.makeRoom();
    const view = this.fitting(nodes, 50, 1.5);
    if (view) this.cy.viewport(view);
  }

  /**
   * Fits the graph into the view at once, no closer than zoom 1.5 (a few nodes would fill the
   * screen), like an expansion, and no further than the readable zoom (a large graph is centred).
   */
  fitClose(): void {
    this.makeRoom();
    const view = this.fitting(this.cy.elements(':visible'), FRAME_PADDING, 1.5, READABLE_ZOOM);
    if (view) this.cy.viewport(view);
  }

  /**
   * After a layout the user chose: a graph that, at the readable zoom, still has a node cut off or
   * under a panel is fitted whole instead (zoomed out as far as that takes): all of a fresh layout in
   * view, clear of the panels, comes before its labels' size.
   */
  fitWholeIfCut(): void {
    if (!this.anyCut(this.cy.nodes(':visible'))) return;
    this.makeRoom();
    const view = this.fitting(this.cy.elements(':visible'), FRAME_PADDING, 1.5);
    if (view) this.cy.viewport(view);
  }

  /** Fits the visible graph into the part of the view no panel covers, animated. */
  fitView(): void {
    this.makeRoom();
    const view = this.fitting(this.cy.elements(':visible'), 40);
    if (view) this.cy.animate({ ...view, duration: 200 });
  }

  /** Frames the highlighted elements (a found path) with their labels readable: centred in the free part of the canvas, panned rather than shrunk. */
  frameHighlight(): void {
    this.makeRoom();
    const framing = this.fitting(this.cy.elements('.highlighted'), 60, 1.5, READABLE_ZOOM);
    if (framing) this.cy.animate({ ...framing, duration: 250 });
  }

  /** Selects an element alone and centres the view on it. */
  focus(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.elements().unselect();
    element.select();
    this.cy.animate({ center: { eles: element }, duration: 200 });
  }

  /** Centres the view on a point of the graph at a zoom (within the canvas's limits). */
  lookAt(camera: { x: number; y: number; zoom: number }): void {
    this.cy.stop();
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), camera.zoom));
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - zoom * camera.x, y: this.cy.height() / 2 - zoom * camera.y } });
  }
}
