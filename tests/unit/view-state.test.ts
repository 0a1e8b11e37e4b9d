/** The explorer's state model and its actions: pure functions, tested without a browser. */
import type { GraphEdge, GraphNode } from '../../server/contract';
import {
  addGraph,
  amend,
  canvasCounts,
  collapse,
  collapseSet,
  decodeView,
  edgeYear,
  emptyView,
  encodeView,
  findExpansion,
  moveNodes,
  placeAround,
  record,
  redo,
  removeNodes,
  revealNode,
  setHidden,
  setPinned,
  setYears,
  SharedViewError,
  startHistory,
  toggleLabel,
  toggleType,
  undo,
  visibleElements,
  hideUnconnected,
  neighbourhood,
  onlyLabel,
  onlyType,
  setHideOrphans,
  showAllLabels,
  showAllTypes,
  showOnlyNeighbourhood,
  showsView,
  stepsTo,
  tally,
  unconnectedNodes,
  type ViewState,
} from '../../client/src/state';
import { countsText } from '../../client/src/status/counts';
import { commonPrefix } from '../../client/src/state/url';

const P = '4:0f6c2a1e-8d0b-4c8e-9a51-2b7e2c3d4e5f:';
const node = (n: number, label = 'Company'): GraphNode => ({ id: `${P}${n}`, labels: [label], properties: { name: `Node ${n}` } });
const edge = (n: number, from: number, to: number, type = 'PARTNERS_WITH', properties: GraphEdge['properties'] = {}): GraphEdge => ({
  id: `5:x:${n}`,
  type,
  source: `${P}${from}`,
  target: `${P}${to}`,
  properties,
});
const id = (n: number): string => `${P}${n}`;

/** 1 on the canvas, expanded: 2, 3, 4 added; 4 also joined to 5, which was already there. */
function expanded(): ViewState {
  let state = addGraph(emptyView(), { nodes: [node(1), node(5)], edges: [] }, { positions: { [id(1)]: { x: 0, y: 0 }, [id(5)]: { x: 300, y: 0 } } });
  state = addGraph(
    state,
    { nodes: [node(2), node(3), node(4, 'Bank')], edges: [edge(1, 1, 2), edge(2, 1, 3), edge(3, 4, 1, 'OWNS')] },
    { expansion: { anchor: id(1), type: null, direction: 'both', total: 3, loaded: 3, cursor: null } },
  );
  return addGraph(state, { nodes: [], edges: [edge(4, 4, 5, 'COMPETES_WITH', { year: 2019 })] });
}

test('adding keeps nodes already there in place, drops relationships to nodes not on the canvas, and records what an expansion added', () => {
  const state = expanded();
  expect(Object.keys(state.nodes)).toHaveLength(5);
  expect(state.nodes[id(1)]?.position).toEqual({ x: 0, y: 0 });
  const again = addGraph(state, { nodes: [{ ...node(1), properties: { name: 'Renamed' } }], edges: [edge(9, 1, 99)] }, { positions: { [id(1)]: { x: 50, y: 50 } } });
  expect(again.nodes[id(1)]?.position).toEqual({ x: 0, y: 0 });
  expect(again.nodes[id(1)]?.data.properties.name).toBe('Renamed');
  expect(again.edges['5:x:9']).toBeUndefined();
  expect(state.expansions).toEqual([expect.objectContaining({ anchor: id(1), nodes: [id(2), id(3), id(4)], edges: ['5:x:1', '5:x:2', '5:x:3'] })]);
});

test('a next page of the same query grows the same expansion; another query is another expansion', () => {
  let state = expanded();
  state = addGraph(state, { nodes: [node(6)], edges: [edge(6, 1, 6)] }, { expansion: { anchor: id(1), type: null, direction: 'both', total: 4, loaded: 4, cursor: null } });
  expect(state.expansions).toHaveLength(1);
  expect(findExpansion(state, id(1), null, 'both')).toMatchObject({ nodes: [id(2), id(3), id(4), id(6)], total: 4, loaded: 4 });
  state = addGraph(state, { nodes: [node(7)], edges: [edge(7, 7, 1, 'OWNS')] }, { expansion: { anchor: id(1), type: 'OWNS', direction: 'in', total: 2, loaded: 1, cursor: 'c' } });
  expect(state.expansions.map((expansion) => expansion.id)).toEqual(['x1', 'x2']);
});

test('collapsing takes away what the expansion added, except nodes anchored elsewhere or pinned, and cascades', () => {
  let state = expanded();
  // 4 is joined to 5, which stays: 4 stays. 2 and 3 go.
  expect([...collapseSet(state, id(1))].sort()).toEqual([id(2), id(3)]);
  state = setPinned(state, [id(2)], true);
  expect([...collapseSet(state, id(1))]).toEqual([id(3)]);
  state = setPinned(state, [id(2)], false);
  // 3 expanded to 8; collapsing 1 takes 8 too.
  state = addGraph(state, { nodes: [node(8)], edges: [edge(8, 3, 8)] }, { expansion: { anchor: id(3), type: null, direction: 'both', total: 1, loaded: 1, cursor: null } });
  const after = collapse(state, id(1));
  expect(Object.keys(after.nodes).sort()).toEqual([id(1), id(4), id(5)].sort());
  expect(Object.values(after.edges).map((each) => each.id).sort()).toEqual(['5:x:3', '5:x:4']);
  expect(after.expansions).toEqual([]);
});

test('removing nodes takes their relationships, and forgets expansions anchored on them', () => {
  const state = removeNodes(expanded(), [id(1)]);
  expect(Object.keys(state.edges)).toEqual(['5:x:4']);
  expect(state.expansions).toEqual([]);
});

test('filters: labels, types, dates and hidden nodes decide what is drawn', () => {
  let state = expanded();
  expect(visibleElements(state).nodes.size).toBe(5);
  state = toggleLabel(state, 'Bank');
  expect(visibleElements(state).nodes.has(id(4))).toBe(false);
  expect(visibleElements(state).edges.has('5:x:3')).toBe(false);
  state = toggleLabel(state, 'Bank');
  state = toggleType(state, 'PARTNERS_WITH');
  expect([...visibleElements(state).edges].sort()).toEqual(['5:x:3', '5:x:4']);
  state = toggleType(state, 'PARTNERS_WITH');
  state = setYears(state, { from: 2020, to: 2024 });
  expect(visibleElements(state).edges.has('5:x:4')).toBe(false);
  expect(visibleElements(state).edges.has('5:x:1')).toBe(true);
  state = setYears(state, { from: 2024, to: 2015 }, false);
  expect(state.filters.years).toEqual({ from: 2015, to: 2024 });
  expect([...visibleElements(state).edges]).toEqual(['5:x:4']);
  state = setHidden(setYears(state, null), [id(2)], true);
  expect(visibleElements(state).nodes.has(id(2))).toBe(false);
  expect(visibleElements(state).edges.has('5:x:1')).toBe(false);
  expect(canvasCounts(state).labels).toEqual(new Map([['Bank', 1], ['Company', 4]]));
  expect(canvasCounts(state).types.get('PARTNERS_WITH')).toBe(2);
});

test('the year of a relationship comes from a year or a date-like property', () => {
  expect(edgeYear(edge(1, 1, 2, 'X', { year: 2018 }))).toBe(2018);
  expect(edgeYear(edge(1, 1, 2, 'X', { date: '2019-03-04' }))).toBe(2019);
  expect(edgeYear(edge(1, 1, 2, 'X', { since: '2017' }))).toBe(2017);
  expect(edgeYear(edge(1, 1, 2, 'X', { date: 'early 2018' }))).toBeNull();
  expect(edgeYear(edge(1, 1, 2, 'X', { amount: 2018 }))).toBeNull();
});

test('undo and redo walk the steps; amend folds a follow-up into the current step', () => {
  let history = startHistory(emptyView());
  const one = addGraph(history.present, { nodes: [node(1)], edges: [] });
  history = record(history, one);
  history = amend(history, moveNodes(history.present, { [id(1)]: { x: 10, y: 20 } }));
  history = record(history, setPinned(history.present, [id(1)], true));
  expect(record(history, history.present)).toBe(history);
  history = undo(history);
  expect(history.present.nodes[id(1)]).toMatchObject({ pinned: false, position: { x: 10, y: 20 } });
  history = undo(history);
  expect(history.present.nodes).toEqual({});
  expect(undo(history)).toBe(history);
  history = redo(redo(history));
  expect(history.present.nodes[id(1)]?.pinned).toBe(true);
  expect(redo(history)).toBe(history);
});

test('new nodes are placed around their anchor, apart from each other and from nodes already there', () => {
  const occupied = [{ x: 0, y: 0 }, { x: -200, y: 0 }];
  const placed = placeAround({ x: 0, y: 0 }, 40, occupied);
  expect(placed).toHaveLength(40);
  const all = [...occupied, ...placed];
  for (let a = 0; a < all.length; a += 1) {
    for (let b = a + 1; b < all.length; b += 1) expect(Math.hypot(all[a]!.x - all[b]!.x, all[a]!.y - all[b]!.y)).toBeGreaterThan(50);
  }
  // The first one goes on the side away from the rest of the graph (the centre is at x = -100).
  expect(placed[0]!.x).toBeGreaterThan(0);
  expect(placeAround({ x: 0, y: 0 }, 3, occupied)).toEqual(placeAround({ x: 0, y: 0 }, 3, occupied));
});

test('a view survives the URL: ids, positions, pins, hidden nodes, filters and layout', () => {
  const view = {
    ids: [id(1), id(22), id(333)],
    positions: { [id(1)]: { x: 10.4, y: -20.6 }, [id(22)]: { x: 0, y: 0 } },
    pinned: [id(22)],
    hidden: [id(333)],
    filters: { hiddenLabels: ['Bank'], hiddenTypes: ['OWNS'], years: { from: 2015, to: 2019 }, keepUndated: false, hideOrphans: true },
    layout: 'concentric' as const,
  };
  const text = encodeView(view);
  expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(text.length).toBeLessThan(JSON.stringify(view).length);
  expect(decodeView(text)).toEqual({ ...view, positions: { [id(1)]: { x: 10, y: -21 }, [id(22)]: { x: 0, y: 0 } } });
  expect(commonPrefix(['4:ab:1', '4:ab:12'])).toBe('4:ab:');
  expect(commonPrefix(['4:ab:1', '4:ac:1'])).toBe('4:');
  expect(() => decodeView('not base64 at all!')).toThrow(SharedViewError);
  expect(() => decodeView(Buffer.from('{"v":2}').toString('base64url'))).toThrow(/can read/);
});

test('revealing a node picked from search unhides it and lifts a label filter that hid all its labels, and says so', () => {
  let state = addGraph(emptyView(), { nodes: [node(1), node(2, 'Bank')], edges: [] });
  state = toggleLabel(setHidden(state, [id(1)], true), 'Bank');
  expect(visibleElements(state).nodes.size).toBe(0);
  const one = revealNode(state, id(1));
  expect(one).toMatchObject({ unhidden: true, unfiltered: [] });
  expect(visibleElements(one.state).nodes.has(id(1))).toBe(true);
  const two = revealNode(one.state, id(2));
  expect(two).toMatchObject({ unhidden: false, unfiltered: ['Bank'] });
  expect(two.state.filters.hiddenLabels).toEqual([]);
  expect(visibleElements(two.state).nodes.size).toBe(2);
  // Nothing to do: the same state back.
  expect(revealNode(two.state, id(2)).state).toBe(two.state);
});

test('a link made before the orphan option opens with orphans shown, and one made with it off is the same text as before', () => {
  // An old link (no "o" in its filters): orphans are shown.
  const old = Buffer.from(JSON.stringify({ v: 1, p: P, n: [['1', 0, 0, 0]], l: 'grid', f: { t: ['OWNS'] } })).toString('base64url');
  expect(decodeView(old).filters).toEqual({ hiddenLabels: [], hiddenTypes: ['OWNS'], years: null, keepUndated: true, hideOrphans: false });
  const view = { ids: [id(1)], positions: { [id(1)]: { x: 0, y: 0 } }, pinned: [], hidden: [], layout: 'grid' as const };
  const off = encodeView({ ...view, filters: { hiddenLabels: [], hiddenTypes: ['OWNS'], years: null, keepUndated: true, hideOrphans: false } });
  expect(off).toBe(old);
  const on = encodeView({ ...view, filters: { hiddenLabels: [], hiddenTypes: ['OWNS'], years: null, keepUndated: true, hideOrphans: true } });
  expect(decodeView(on).filters.hideOrphans).toBe(true);
});

test('with orphans hidden, a node whose every relationship is filtered out is not drawn, nor one with no relationship at all', () => {
  // 1 -PW- 2, 1 -PW- 3, 4 -OWNS- 1, 4 -COMPETES(2019)- 5, and 6 alone.
  let state = addGraph(expanded(), { nodes: [node(6)], edges: [] });
  state = onlyType(state, 'OWNS');
  expect(state.filters.hiddenTypes).toEqual(['COMPETES_WITH', 'PARTNERS_WITH']);
  expect(visibleElements(state).nodes.size).toBe(6);
  state = setHideOrphans(state, true);
  expect([...visibleElements(state).nodes].sort()).toEqual([id(1), id(4)]);
  expect([...visibleElements(state).edges]).toEqual(['5:x:3']);
  // Orphaned by a label filter too: 4 filtered out leaves 5 with nothing drawn (and 1 with 2 and 3).
  state = onlyLabel(showAllTypes(state), 'Company');
  expect(state.filters.hiddenLabels).toEqual(['Bank']);
  expect([...visibleElements(state).nodes].sort()).toEqual([id(1), id(2), id(3)]);
  // Orphaned by a date filter.
  state = setYears(showAllLabels(state), { from: 2020, to: 2024 }, false);
  expect([...visibleElements(state).nodes]).toEqual([]);
  expect(setHideOrphans(state, true)).toBe(state);
});

test('"only this type" and "show all" make "partnerships between companies and banks" two steps each way', () => {
  let state = addGraph(expanded(), { nodes: [node(7, 'Product'), node(8, 'Source')], edges: [edge(7, 4, 7, 'OFFERS')] });
  state = setHideOrphans(onlyType(state, 'PARTNERS_WITH'), true);
  expect([...visibleElements(state).edges].sort()).toEqual(['5:x:1', '5:x:2']);
  expect([...visibleElements(state).nodes].sort()).toEqual([id(1), id(2), id(3)]);
  state = setHideOrphans(showAllTypes(state), false);
  expect(visibleElements(state).nodes.size).toBe(7);
  expect(visibleElements(state).edges.size).toBe(5);
  expect(showAllTypes(state)).toBe(state);
  // "only" on what is already alone changes nothing (no undo step).
  const alone = onlyType(state, 'OWNS');
  expect(onlyType(alone, 'OWNS')).toBe(alone);
  expect(onlyLabel(onlyLabel(state, 'Bank'), 'Bank').filters.hiddenLabels).toEqual(['Company', 'Product', 'Source']);
});

test('showing only a node and its neighbours hides the rest, shows hidden neighbours, follows the type filter, and works for a selection', () => {
  let state = setHidden(expanded(), [id(2)], true);
  expect([...neighbourhood(state, [id(1)])].sort()).toEqual([id(2), id(3), id(4)]);
  const one = showOnlyNeighbourhood(state, [id(1)]);
  expect([...visibleElements(one).nodes].sort()).toEqual([id(1), id(2), id(3), id(4)]);
  expect(one.nodes[id(5)]?.hidden).toBe(true);
  // Only neighbours through the relationships the filters let through.
  state = toggleType(state, 'OWNS');
  expect([...visibleElements(showOnlyNeighbourhood(state, [id(1)])).nodes].sort()).toEqual([id(1), id(2), id(3)]);
  // A selection: each node and the neighbours of any of them.
  const two = showOnlyNeighbourhood(expanded(), [id(2), id(5)]);
  expect([...visibleElements(two).nodes].sort()).toEqual([id(1), id(2), id(4), id(5)]);
  expect(showOnlyNeighbourhood(state, ['nowhere'])).toBe(state);
});

test('hiding unconnected nodes hides those drawn with no relationship drawn, and the counter says what is drawn of how many', () => {
  let state = addGraph(expanded(), { nodes: [node(6), node(7)], edges: [] });
  expect(countsText(tally(state))).toBe('7 nodes · 4 relationships');
  state = toggleType(state, 'COMPETES_WITH');
  expect(unconnectedNodes(state).sort()).toEqual([id(5), id(6), id(7)]);
  const hidden = hideUnconnected(state);
  expect(Object.values(hidden.nodes).filter((each) => each.hidden).map((each) => each.data.id).sort()).toEqual([id(5), id(6), id(7)]);
  expect(tally(state).unconnected).toBe(3);
  expect(tally(hidden)).toEqual({ nodes: { visible: 4, total: 7 }, relationships: { visible: 3, total: 4 }, hidden: 3, unconnected: 0 });
  expect(countsText(tally(hidden))).toBe('4 of 7 nodes · 3 of 4 relationships');
  expect(hideUnconnected(hidden)).toBe(hidden);
  expect(countsText({ nodes: { visible: 1, total: 1 }, relationships: { visible: 0, total: 1 }, hidden: 0, unconnected: 1 })).toBe('1 node · 0 of 1 relationship');
});

test('a node picked from search that only the orphan option hides is shown: the option is turned off, and it says so', () => {
  let state = setHideOrphans(toggleType(expanded(), 'COMPETES_WITH'), true);
  expect(visibleElements(state).nodes.has(id(5))).toBe(false);
  const revealed = revealNode(state, id(5));
  expect(revealed).toMatchObject({ unhidden: false, unfiltered: [], orphansShown: true });
  expect(visibleElements(revealed.state).nodes.has(id(5))).toBe(true);
  state = revealed.state;
  expect(revealNode(state, id(5)).state).toBe(state);
});

test('Back and Forward within the page: the nearest step of the undo history that shows a link\'s view (its nodes, pins, hidden nodes, filters and layout; positions aside), or none', () => {
  const first = addGraph(emptyView(), { nodes: [node(1)], edges: [] }, { positions: { [id(1)]: { x: 0, y: 0 } } });
  const second = expanded();
  const pinned = setPinned(second, [id(2)], true);
  let history = record(record(record(startHistory(emptyView()), first), second), pinned);
  const linkOf = (state: ViewState) => decodeView(encodeView({
    ids: Object.keys(state.nodes),
    positions: { [id(1)]: { x: 99, y: 99 } },
    pinned: Object.values(state.nodes).filter((n) => n.pinned).map((n) => n.data.id),
    hidden: Object.values(state.nodes).filter((n) => n.hidden).map((n) => n.data.id),
    filters: state.filters,
    layout: state.layout,
  }));
  const showing = (state: ViewState) => (each: ViewState) => showsView(each, linkOf(state));
  expect(stepsTo(history, showing(pinned))).toBe(0);
  expect(stepsTo(history, showing(second))).toBe(-1);
  expect(stepsTo(history, showing(first))).toBe(-2);
  expect(stepsTo(history, (state) => Object.keys(state.nodes).length === 0)).toBe(-3);
  history = undo(undo(history));
  expect(stepsTo(history, showing(pinned))).toBe(2);
  expect(stepsTo(history, showing(second))).toBe(1);
  // The same nodes under another filter or layout, or another node: not a step of it.
  expect(stepsTo(history, showing(toggleType(second, 'OWNS')))).toBeNull();
  expect(stepsTo(history, showing({ ...second, layout: 'grid' }))).toBeNull();
  expect(stepsTo(history, showing(addGraph(first, { nodes: [node(9)], edges: [] })))).toBeNull();
});
