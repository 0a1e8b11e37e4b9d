/** Issue 16, the pure parts of editing by hand (client/src/edit): tested without a browser or a database. */
import type { EditModel, GraphEdge, GraphNode } from '../../server/contract';
import { applyRefreshed, withoutOutdated } from '../../client/src/edit/canvas';
import { elementLines, propertyEdit, refusalText, textToValue, typesBetween } from '../../client/src/edit/rules';
import { addGraph, emptyView } from '../../client/src/state';

const MODEL: EditModel = {
  kind: 'fintech',
  labels: [{ name: 'Company', meaning: '' }, { name: 'Product', meaning: '' }],
  relationshipTypes: [
    { type: 'OFFERS', meaning: 'launched', from: ['Company', 'Bank'], to: ['Product'], symmetric: false },
    { type: 'PARTNERS_WITH', meaning: 'works with', from: ['Company', 'Bank'], to: ['Company', 'Bank'], symmetric: false },
    { type: 'DISTRIBUTES', meaning: 'sells', from: ['Product'], to: ['Product'], symmetric: false },
  ],
  evidenceRequired: true,
  sources: [],
};

const node = (id: string, key: string, labels = ['Company']): GraphNode => ({ id, labels, properties: { id: key, name: key } });
const edge = (id: string, key: string, source: string, target: string): GraphEdge => ({ id, type: 'PARTNERS_WITH', source, target, properties: { id: key } });

test('the connect form offers only the types whose ends the two labels fit, with the direction each allows', () => {
  expect(typesBetween(MODEL, ['Product'], ['Company'])).toEqual([{ type: 'OFFERS', meaning: 'launched', direction: 'in', symmetric: false }]);
  expect(typesBetween(MODEL, ['Company'], ['Bank']).map((choice) => [choice.type, choice.direction])).toEqual([['PARTNERS_WITH', 'either']]);
  expect(typesBetween(MODEL, ['Regulator'], ['Person'])).toEqual([]);
});

test('a typed value keeps the kind the property had: numbers, lists one item a line, booleans; empty removes', () => {
  expect(textToValue(' 42 ', 7)).toBe(42);
  expect(textToValue('forty', 7)).toBe('forty');
  expect(textToValue('a\n b \n\n', ['x'])).toEqual(['a', 'b']);
  expect(textToValue('1\n2', [3])).toEqual([1, 2]);
  expect(textToValue('false', true)).toBe(false);
  expect(textToValue('   ', 'x')).toBeNull();
});

test('an edit of the property table sends only what changed, with the values read, and never the key or the evidence', () => {
  const before = { id: 'huaxia-bank', name: 'Huaxia', country: 'China', employees: 10, description: 'old', quotes: ['q'] };
  const edit = propertyEdit(before, [
    { name: 'name', text: 'Huaxia' },
    { name: 'country', text: 'PRC' },
    { name: 'employees', text: '' },
    { name: 'founded', text: '1992' },
    { name: 'id', text: 'hacked' },
  ]);
  expect(edit).toEqual({ set: { country: 'PRC', founded: '1992' }, unset: ['employees', 'description'], expected: { country: 'China', founded: null, employees: 10, description: 'old' } });
});

test('a refusal is said in the user\'s words: 409 with what changed, 403 with how to enable editing, a rule by name', () => {
  const conflict = refusalText(409, { type: '', title: 'Conflict', status: 409, detail: 'x', rule: 'concurrency.changed-meanwhile', conflicts: [{ key: 'icbc', property: 'country', expected: 'China', current: 'PRC' }] }, 'Read it again.');
  expect(conflict.message).toMatch(/^Someone changed this since you opened the form; nothing was saved/);
  expect(conflict.details).toEqual(['icbc · country: you read “China”, it is now “PRC”.']);
  expect(refusalText(403, null, 'Set FINGRAPH_EDIT=local.').message).toBe('Editing is not enabled here: Set FINGRAPH_EDIT=local.');
  expect(refusalText(400, { type: '', title: '', status: 400, detail: '', rule: 'model.label' }, 'use one of Company').message).toBe('Nothing was saved (rule: model.label): use one of Company');
  // Said once: the server's own "nothing was written" is not repeated.
  expect(refusalText(400, { type: '', title: '', status: 400, detail: '', rule: 'request.shape' }, "The change was not applied (nothing was written): comment: required.").message).toBe('Nothing was saved (rule: request.shape): comment: required.');
  // A cited source: the relationships that cite it are listed.
  expect(refusalText(400, { type: '', title: '', status: 400, detail: '', rule: 'delete.cited', citedBy: [{ key: 'k', type: 'PARTNERS_WITH', from: 'tencent', to: 'icbc' }] }, 'x').details).toEqual(['tencent —PARTNERS_WITH→ icbc']);
});

test('a change of the history reads as lines: created, deleted, each property before and after', () => {
  expect(elementLines(null, { kind: 'node', labels: ['Company'], properties: {} })).toEqual(['created as Company']);
  expect(elementLines({ kind: 'node', labels: ['Bank'], properties: {} }, null)).toEqual(['deleted']);
  expect(elementLines({ kind: 'node', labels: ['Bank'], properties: { country: 'China', n: { $int: '1' } } }, { kind: 'node', labels: ['Bank'], properties: { n: { $int: '2' }, aliases: ['CCB'] } })).toEqual([
    'aliases: nothing → CCB',
    'country: China → nothing',
    'n: 1 → 2',
  ]);
});

test('after a change the canvas drops what is gone, puts the survivor where the duplicate stood, and places a new node near its neighbour', () => {
  let state = addGraph(emptyView(), { nodes: [node('1', 'ccb'), node('2', 'ccb-dup'), node('3', 'xiaomi')], edges: [edge('e1', 'x-dup', '3', '2')] }, { positions: { '1': { x: 0, y: 0 }, '2': { x: 500, y: 0 }, '3': { x: 500, y: 300 } } });
  // Merge: ccb-dup into a survivor not on the canvas yet, its relationship moved.
  const survivor = node('9', 'ccb-main', ['Bank']);
  const merged = applyRefreshed(state, { nodes: new Map([['ccb-dup', null], ['ccb-main', survivor]]), edges: new Map([['x-dup', edge('e2', 'x-dup', '3', '9')]]), mergedInto: new Map([['ccb-dup', 'ccb-main']]) }, { addNew: false });
  expect(Object.keys(merged.nodes).sort()).toEqual(['1', '3', '9']);
  expect(merged.nodes['9']?.position).toEqual({ x: 500, y: 0 });
  expect(Object.keys(merged.edges)).toEqual(['e2']);
  // A new node joined to xiaomi goes near xiaomi, clear of it.
  state = merged;
  const lab = node('10', 'lab');
  const created = applyRefreshed(state, { nodes: new Map([['lab', lab]]), edges: new Map([['r', edge('e3', 'r', '3', '10')]]), mergedInto: new Map() }, { addNew: true });
  const at = created.nodes['10']!.position!;
  const distance = Math.hypot(at.x - 500, at.y - 300);
  expect(distance).toBeGreaterThan(30);
  expect(distance).toBeLessThan(400);
  expect(created.edges['e3']).toBeDefined();
  // Created elsewhere (not asked to draw new nodes): the canvas is left alone.
  expect(Object.keys(applyRefreshed(state, { nodes: new Map([['lab', lab]]), edges: new Map(), mergedInto: new Map() }, { addNew: false }).nodes).sort()).toEqual(['1', '3', '9']);
});

test('a state of the undo history is brought up to date with a write: deleted and merged-away elements go, edited ones show as they are now, nothing new is drawn', () => {
  const earlier = addGraph(emptyView(), { nodes: [node('1', 'ccb'), node('2', 'ccb-dup'), node('3', 'xiaomi'), node('4', 'huaxia')], edges: [edge('e1', 'x-dup', '3', '2'), edge('e4', 'x-h', '3', '4')] }, { positions: {} });
  const renamed: GraphNode = { ...node('3', 'xiaomi'), properties: { id: 'xiaomi', name: 'Xiaomi Corp' } };
  const lab = node('10', 'lab');
  const now = withoutOutdated(earlier, {
    nodes: new Map<string, GraphNode | null>([['ccb-dup', null], ['huaxia', null], ['xiaomi', renamed], ['lab', lab]]),
    edges: new Map<string, GraphEdge | null>([['x-h', null]]),
    mergedInto: new Map([['ccb-dup', 'ccb']]),
  });
  expect(Object.keys(now.nodes).sort()).toEqual(['1', '3']);
  expect(now.nodes['3']?.data.properties.name).toBe('Xiaomi Corp');
  expect(Object.keys(now.edges)).toEqual([]);
});
