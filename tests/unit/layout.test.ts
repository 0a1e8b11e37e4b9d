/** How the page shares the window: the free part of the canvas, the toolbar's overflow, the drawer's height. Pure, no browser. */
import { anchorOf, apartDownTo, AutoFolds, crowded, graphNeedsRoom, placed, drawerPixels, drawerShare, fitInto, fitting, freeArea, readShare, type Foldable } from '../../client/src/layout';

describe('freeArea', () => {
  const canvas = { w: 800, h: 400 };
  test('with no panel over the canvas, the whole canvas', () => {
    expect(freeArea(canvas, [], { w: 100, h: 100 })).toEqual({ x1: 0, y1: 0, x2: 800, y2: 400 });
  });
  test('a legend bottom-left and an overview bottom-right: a wide graph goes above both, a tall one between them, centred across the canvas', () => {
    const legend = { x1: 0, y1: 250, x2: 300, y2: 400 };
    const overview = { x1: 600, y1: 260, x2: 800, y2: 400 };
    expect(freeArea(canvas, [legend, overview], { w: 1000, h: 100 })).toEqual({ x1: 0, y1: 0, x2: 800, y2: 250 });
    expect(freeArea(canvas, [legend, overview], { w: 100, h: 1000 })).toEqual({ x1: 300, y1: 0, x2: 500, y2: 400 });
  });
  test('a panel on one side only (the counts top right) does not draw the graph off to the other side (regression: a tall graph went left of the counts)', () => {
    const counts = { x1: 500, y1: 0, x2: 800, y2: 30 };
    const legend = { x1: 0, y1: 300, x2: 300, y2: 400 };
    for (const graph of [{ w: 100, h: 1000 }, { w: 1000, h: 100 }, { w: 300, h: 300 }]) {
      const area = freeArea(canvas, [counts, legend], graph);
      expect((area.x1 + area.x2) / 2).toBe(400);
      expect([counts, legend].some((o) => area.x1 < o.x2 && o.x1 < area.x2 && area.y1 < o.y2 && o.y1 < area.y2)).toBe(false);
    }
  });
  test('a panel down a whole side (the article panel) moves the middle to the rest of the canvas', () => {
    const article = { x1: 2, y1: 2, x2: 500, y2: 398 };
    expect(freeArea(canvas, [article], { w: 100, h: 100 })).toEqual({ x1: 500, y1: 0, x2: 800, y2: 400 });
  });
  test('panels partly outside the canvas count only where they cover it; one covering all leaves the whole canvas', () => {
    expect(freeArea(canvas, [{ x1: -50, y1: -50, x2: 100, y2: 400 }], { w: 10, h: 10 })).toEqual({ x1: 100, y1: 0, x2: 800, y2: 400 });
    expect(freeArea(canvas, [{ x1: 0, y1: 0, x2: 800, y2: 400 }], { w: 10, h: 10 })).toEqual({ x1: 0, y1: 0, x2: 800, y2: 400 });
  });
});

describe('the legend and the overview fold by themselves on a crowded canvas', () => {
  const legend = { w: 420, h: 284 };
  const overview = { w: 200, h: 146 };
  test('a short or narrow canvas is crowded, a roomy one only when the panels would cover more than 35% of it', () => {
    expect(crowded({ w: 734, h: 648 }, [legend, overview])).toBe(false);
    expect(crowded({ w: 734, h: 382 }, [legend, overview])).toBe(true);
    expect(crowded({ w: 1100, h: 490 }, [legend, overview])).toBe(true);
    expect(crowded({ w: 560, h: 700 }, [])).toBe(true);
    expect(crowded({ w: 734, h: 648 }, [{ w: 420, h: 600 }])).toBe(true);
    // Not laid out yet: nothing to decide.
    expect(crowded({ w: 0, h: 0 }, [legend])).toBe(false);
  });
  test("a panel without the user's choice follows the canvas; one with it keeps it", () => {
    let canvas = { w: 1100, h: 800 };
    const panel = (choice: boolean | null): Foldable & { folded: boolean | null } => ({ folded: null, choice: () => choice, openSize: () => legend, fold(folded) { this.folded = folded; } });
    const free = panel(null);
    const opened = panel(false);
    const folds = new AutoFolds(() => canvas);
    folds.add(free);
    folds.add(opened);
    folds.update();
    expect(free.folded).toBe(false);
    canvas = { w: 1100, h: 400 };
    folds.update();
    expect(folds.isCrowded).toBe(true);
    expect(free.folded).toBe(true);
    expect(opened.folded).toBeNull();
  });
});

describe('the legend and the overview fold for a graph that fits a readable zoom only without them', () => {
  test('an open panel is anchored to the nearest edges of the canvas, and placed there again at another canvas size', () => {
    const canvas = { left: 0, top: 52, right: 940, bottom: 720 };
    // The legend bottom-left, the overview bottom-right, 10 px in.
    const legend = anchorOf({ left: 10, top: 426, right: 430, bottom: 710 }, canvas);
    const overview = anchorOf({ left: 730, top: 564, right: 930, bottom: 710 }, canvas);
    expect(legend).toEqual({ x: 10, y: 10, w: 420, h: 284, right: false, bottom: true });
    expect(overview).toEqual({ x: 10, y: 10, w: 200, h: 146, right: true, bottom: true });
    // The canvas grown (the console closed): still 10 px from the bottom corners, 6 px margin around as CoveredAreas counts.
    expect(placed(legend, { w: 940, h: 900 })).toEqual({ x1: 4, y1: 600, x2: 436, y2: 896 });
    expect(placed(overview, { w: 1200, h: 900 }, 0)).toEqual({ x1: 990, y1: 744, x2: 1190, y2: 890 });
  });
  test('they fold when the graph fits without them and not beside them; a graph that fits neither way keeps them open (they explain it)', () => {
    const legend = { x1: 0, y1: 400, x2: 420, y2: 700 };
    const fitsWhen = (free: boolean, beside: boolean) => (covering: readonly unknown[]) => (covering.length === 0 ? free : beside);
    expect(graphNeedsRoom([legend], fitsWhen(true, false))).toBe(true);
    expect(graphNeedsRoom([legend], fitsWhen(true, true))).toBe(false);
    expect(graphNeedsRoom([legend], fitsWhen(false, false))).toBe(false);
    // Nothing to fold.
    expect(graphNeedsRoom([], fitsWhen(true, false))).toBe(false);
  });
  test('AutoFolds folds a panel without a choice for the graph, on a roomy canvas, and opens it again when the graph fits beside it', () => {
    let graphFitsBeside = false;
    const panel: Foldable & { folded: boolean | null } = {
      folded: null,
      choice: () => null,
      openSize: () => ({ w: 420, h: 284 }),
      openAnchor: () => ({ x: 10, y: 10, w: 420, h: 284, right: false, bottom: true }),
      fold(folded) {
        this.folded = folded;
      },
    };
    const folds = new AutoFolds(() => ({ w: 1100, h: 800 }), () => (covering) => covering.length === 0 || graphFitsBeside);
    folds.add(panel);
    folds.update();
    expect(panel.folded).toBe(true);
    graphFitsBeside = true;
    folds.update();
    expect(panel.folded).toBe(false);
  });
});

describe('how close together a graph may be drawn before its labels touch', () => {
  // A label 100 wide and 20 high, centred under its node.
  const label = { x1: -50, y1: -10, x2: 50, y2: 20 };
  test('two nodes side by side 200 apart may come to 104 apart (their 100-wide boxes and a gap of 4): factor 0.52', () => {
    expect(apartDownTo([{ x: -100, y: 0, box: label }, { x: 100, y: 0, box: label }], { x: 0, y: 0 }, 4)).toBeCloseTo(0.52, 6);
  });
  test('apart along either axis is enough: one above the other comes much closer than side by side', () => {
    expect(apartDownTo([{ x: 0, y: -100, box: label }, { x: 0, y: 100, box: label }], { x: 0, y: 0 }, 4)).toBeCloseTo(34 / 200, 6);
    // Diagonal: the later of the two axes' meeting points.
    expect(apartDownTo([{ x: -100, y: -100, box: label }, { x: 100, y: 100, box: label }], { x: 0, y: 0 }, 4)).toBeCloseTo(34 / 200, 6);
  });
  test('pairs touching as drawn already do not count; the largest factor over all pairs is the answer', () => {
    const nodes = [{ x: 0, y: 0, box: label }, { x: 10, y: 0, box: label }, { x: 300, y: 0, box: label }];
    // 0 and 10 touch already; 10 and 300 (290 apart) meet at 104/290.
    expect(apartDownTo(nodes, { x: 0, y: 0 }, 4)).toBeCloseTo(104 / 290, 6);
    expect(apartDownTo([], { x: 0, y: 0 })).toBe(0);
  });
});

describe('fitInto', () => {
  test('centres the box in the area, padding clear of its edges, within the zoom limits', () => {
    const view = fitInto({ x1: 0, y1: 0, w: 100, h: 50 }, { x1: 100, y1: 0, x2: 400, y2: 200 }, 50, { min: 0.1, max: 4 });
    expect(view.zoom).toBe(2);
    expect(view.pan).toEqual({ x: 250 - 2 * 50, y: 100 - 2 * 25 });
    expect(fitInto({ x1: 0, y1: 0, w: 1, h: 1 }, { x1: 0, y1: 0, x2: 400, y2: 200 }, 10, { min: 0.1, max: 1.5 }).zoom).toBe(1.5);
  });
});

describe('fitting (the toolbar overflow)', () => {
  test('everything stays when it fits without the menu', () => {
    expect(fitting([50, 50, 50], [1, 1, 1], 4, 158, 60)).toEqual([true, true, true]);
  });
  test('when it does not, the least important leave first, the later of equals first, and the rest fit beside "More"', () => {
    // 50+4+50+4+50 = 158 > 150; beside a 40 px menu button two fit (50+4+50+4+40 = 148).
    expect(fitting([50, 50, 50], [1, 1, 1], 4, 150, 40)).toEqual([true, true, false]);
    expect(fitting([50, 50, 50], [9, 1, 5], 4, 150, 40)).toEqual([true, false, true]);
    expect(fitting([50, 50, 50], [1, 1, 1], 4, 30, 40)).toEqual([false, false, false]);
  });
});

describe('the console drawer height', () => {
  test('a share of the work area, never below 180 px nor leaving the canvas under 140 px', () => {
    expect(drawerPixels(0.4, 1000)).toBe(400);
    expect(drawerPixels(0.1, 1000)).toBe(180);
    expect(drawerPixels(0.99, 1000)).toBe(860);
    expect(drawerPixels(0.4, 150)).toBe(150);
  });
  test('a dragged height is remembered as its share, clamped; a stored value that is no share gives the default', () => {
    expect(drawerShare(500, 1000)).toBe(0.5);
    expect(drawerShare(5000, 1000)).toBe(0.86);
    expect(readShare('0.55')).toBe(0.55);
    expect(readShare(null)).toBe(0.4);
    expect(readShare('2')).toBe(0.4);
    expect(readShare('abc')).toBe(0.4);
  });
});
