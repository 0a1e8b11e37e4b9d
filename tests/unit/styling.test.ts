/** Styling rules (client/src/styling): the rules, what they make of a view, the panel's choices and the shared link; pure, no browser. */
import type { GraphEdge, GraphNode, SchemaInfo } from '../../server/contract';
import { addGraph, decodeView, emptyView, encodeView, NO_FILTERS, type ViewState } from '../../client/src/state';
import { computeLooks } from '../../client/src/styling/looks';
import { styleOptions } from '../../client/src/styling/options';
import { DEFAULT_RULES, decodeRules, encodeRules, isDefaultRules, withCaption, type StyleRules } from '../../client/src/styling/rules';
import { CATEGORY_COLORS, EDGE_WIDTH, GRADE_STOPS, NO_VALUE_COLOR, NODE_SIZE, OTHER_COLOR } from '../../client/src/styling/scales';
import { databaseKey } from '../../client/src/styling/store';

const P = '4:0f6c2a1e-8d0b-4c8e-9a51-2b7e2c3d4e5f:';
const node = (n: number, label: string, properties: GraphNode['properties'] = {}): GraphNode => ({ id: `${P}${n}`, labels: [label], properties: { name: `Node ${n}`, ...properties } });
const edge = (n: number, from: number, to: number, properties: GraphEdge['properties'] = {}): GraphEdge => ({ id: `5:x:${n}`, type: 'ORDERS', source: `${P}${from}`, target: `${P}${to}`, properties });
const name = (each: GraphNode): string => String(each.properties.name);

function view(nodes: GraphNode[], edges: GraphEdge[] = []): ViewState {
  return addGraph(emptyView(), { nodes, edges });
}

const rules = (change: Partial<StyleRules>): StyleRules => ({ ...DEFAULT_RULES, ...change });

test('the default rules leave every node and relationship as the label and type draw it', () => {
  const looks = computeLooks(view([node(1, 'Order'), node(2, 'Product')], [edge(1, 1, 2, { quantity: 3 })]), DEFAULT_RULES, name);
  expect([...looks.nodes.values()]).toEqual([{ size: null, color: null, caption: null }, { size: null, color: null, caption: null }]);
  expect(looks.edges.size).toBe(0);
  expect(looks.key).toEqual({ size: null, color: null, width: null, captions: [] });
});

test('size by degree counts the relationships on the canvas: the most connected node is the largest, the least the smallest', () => {
  const state = view([node(1, 'A'), node(2, 'A'), node(3, 'A'), node(4, 'A')], [edge(1, 1, 2), edge(2, 1, 3), edge(3, 1, 4), edge(4, 2, 3)]);
  const looks = computeLooks(state, rules({ size: { by: 'degree' } }), name);
  const size = (n: number): number => looks.nodes.get(`${P}${n}`)!.size!;
  expect(size(1)).toBe(NODE_SIZE.max);
  expect(size(4)).toBe(NODE_SIZE.min);
  expect(size(2)).toBe(size(3));
  expect(size(2)).toBeGreaterThan(size(4));
  expect(looks.key.size).toMatchObject({ by: 'degree', range: { min: 1, max: 3, missing: 0 } });
});

test('size by a numeric property: nodes without a number in it keep the normal size and are counted in the key', () => {
  const state = view([node(1, 'Product', { unitPrice: 10 }), node(2, 'Product', { unitPrice: 250 }), node(3, 'Product', { unitPrice: 'n/a' }), node(4, 'Category')]);
  const looks = computeLooks(state, rules({ size: { by: 'property', property: 'unitPrice' } }), name);
  expect(looks.nodes.get(`${P}1`)!.size).toBe(NODE_SIZE.min);
  expect(looks.nodes.get(`${P}2`)!.size).toBe(NODE_SIZE.max);
  expect(looks.nodes.get(`${P}3`)!.size).toBeNull();
  expect(looks.nodes.get(`${P}4`)!.size).toBeNull();
  expect(looks.key.size).toMatchObject({ by: 'property', property: 'unitPrice', range: { min: 10, max: 250, missing: 2 } });
});

test('size by a property no node holds a number in says so in the key and sizes nothing', () => {
  const looks = computeLooks(view([node(1, 'A', { code: 'x' })]), rules({ size: { by: 'property', property: 'code' } }), name);
  expect(looks.nodes.get(`${P}1`)!.size).toBeNull();
  expect(looks.key.size).toMatchObject({ range: null });
});

test('colour by a text property: each value a colour of its own, nodes without it the no-value grey; the key lists the most common first', () => {
  const state = view([node(1, 'Customer', { country: 'Germany' }), node(2, 'Customer', { country: 'France' }), node(3, 'Customer', { country: 'Germany' }), node(4, 'Order')]);
  const looks = computeLooks(state, rules({ color: { by: 'property', property: 'country' } }), name);
  const germany = looks.nodes.get(`${P}1`)!.color!;
  const france = looks.nodes.get(`${P}2`)!.color!;
  expect(CATEGORY_COLORS).toContain(germany);
  expect(CATEGORY_COLORS).toContain(france);
  expect(france).not.toBe(germany);
  expect(looks.nodes.get(`${P}3`)!.color).toBe(germany);
  expect(looks.nodes.get(`${P}4`)!.color).toBe(NO_VALUE_COLOR);
  expect(looks.key.color).toEqual({
    kind: 'categories',
    property: 'country',
    entries: [{ value: 'Germany', color: germany, count: 2 }, { value: 'France', color: france, count: 1 }],
    other: 0,
    missing: 1,
  });
});

test('a value keeps its colour while the rule stands: more of another value, new values, or its own nodes gone and back (regression: colours went by frequency, so Germany turned from blue to orange)', () => {
  const colour = rules({ color: { by: 'property', property: 'country' } });
  const first = computeLooks(view([node(1, 'Customer', { country: 'Germany' }), node(2, 'Customer', { country: 'Germany' }), node(3, 'Customer', { country: 'France' })]), colour, name);
  const germany = first.nodes.get(`${P}1`)!.color;
  const france = first.nodes.get(`${P}3`)!.color;
  // France now the most common, and three new values.
  const more = [node(3, 'Customer', { country: 'France' }), node(4, 'Customer', { country: 'France' }), node(5, 'Customer', { country: 'France' }), node(1, 'Customer', { country: 'Germany' })];
  const extra = ['Spain', 'Italy', 'Brazil'].map((country, i) => node(10 + i, 'Customer', { country }));
  const second = computeLooks(view([...more, ...extra]), colour, name, first.categories);
  expect(second.nodes.get(`${P}1`)!.color).toBe(germany);
  expect(second.nodes.get(`${P}3`)!.color).toBe(france);
  const colours = [...second.nodes.values()].map((look) => look.color);
  expect(new Set(colours).size).toBe(5);
  // Germany off the canvas, then back: the same colour still.
  const without = computeLooks(view([node(3, 'Customer', { country: 'France' })]), colour, name, second.categories);
  const back = computeLooks(view([node(7, 'Customer', { country: 'Germany' }), node(8, 'Customer', { country: 'Peru' })]), colour, name, without.categories);
  expect(back.nodes.get(`${P}7`)!.color).toBe(germany);
  expect(back.nodes.get(`${P}8`)!.color).not.toBe(germany);
  // Another property starts afresh.
  expect(computeLooks(view([node(1, 'Customer', { country: 'Germany', city: 'Berlin' })]), rules({ color: { by: 'property', property: 'city' } }), name, back.categories).categories!.slots.has('Germany')).toBe(false);
});

test('the same values get the same colours on another visit, in whatever order and frequency they come (a shared link, a reload)', () => {
  const countries = ['Germany', 'France', 'Spain', 'Italy', 'Brazil', 'Peru', 'Japan', 'China'];
  const colour = rules({ color: { by: 'property', property: 'country' } });
  const once = computeLooks(view(countries.map((country, i) => node(i, 'Customer', { country }))), colour, name);
  const reversed = [...countries].reverse().flatMap((country, i) => [node(100 + 2 * i, 'Customer', { country }), ...(i % 2 ? [node(101 + 2 * i, 'Customer', { country })] : [])]);
  const again = computeLooks(view(reversed), colour, name);
  const colourOf = (looks: ReturnType<typeof computeLooks>): Map<string, string> => new Map((looks.key.color as { entries: Array<{ value: string; color: string }> }).entries.map((entry) => [entry.value, entry.color]));
  expect(colourOf(again)).toEqual(colourOf(once));
  expect(new Set(colourOf(once).values()).size).toBe(countries.length);
});

test('with more values than colours, the most common get the colours, the others share the "other" colour and the key counts them; a colour once given stays', () => {
  const nodes = Array.from({ length: 20 }, (_, i) => node(i, 'City', { city: `City ${String(i).padStart(2, '0')}` }));
  // City 19 the most common.
  nodes.push(node(50, 'City', { city: 'City 19' }));
  const looks = computeLooks(view(nodes), rules({ color: { by: 'property', property: 'city' } }), name);
  const key = looks.key.color!;
  expect(key.kind).toBe('categories');
  if (key.kind !== 'categories') return;
  expect(key.entries).toHaveLength(CATEGORY_COLORS.length);
  expect(key.entries[0]).toMatchObject({ value: 'City 19', count: 2 });
  expect(key.other).toBe(20 - CATEGORY_COLORS.length);
  expect(new Set(key.entries.map((entry) => entry.color)).size).toBe(key.entries.length);
  expect(looks.nodes.get(`${P}19`)!.color).not.toBe(OTHER_COLOR);
  const uncoloured = nodes.find((each) => looks.nodes.get(each.id)!.color === OTHER_COLOR)!;
  // More of an uncoloured value does not take a colour from one that has it.
  const more = computeLooks(view([...nodes, ...[60, 61, 62].map((n) => node(n, 'City', { city: uncoloured.properties.city! }))]), rules({ color: { by: 'property', property: 'city' } }), name, looks.categories);
  expect(more.nodes.get(uncoloured.id)!.color).toBe(OTHER_COLOR);
  expect(more.nodes.get(`${P}19`)!.color).toBe(looks.nodes.get(`${P}19`)!.color);
});

test('colour by a numeric property is a graded scale from the lowest to the highest value', () => {
  const state = view([node(1, 'Product', { unitPrice: 5 }), node(2, 'Product', { unitPrice: 50 }), node(3, 'Product', { unitPrice: 95 })]);
  const looks = computeLooks(state, rules({ color: { by: 'property', property: 'unitPrice' } }), name);
  expect(looks.nodes.get(`${P}1`)!.color).toBe(GRADE_STOPS[0]);
  expect(looks.nodes.get(`${P}3`)!.color).toBe(GRADE_STOPS[GRADE_STOPS.length - 1]);
  expect(looks.key.color).toMatchObject({ kind: 'grades', property: 'unitPrice', range: { min: 5, max: 95, missing: 0 } });
});

test('a caption property per label: the value as text, the name where a node lacks it, other labels untouched', () => {
  const state = view([node(1, 'Employee', { lastName: 'Fuller', title: 'Vice President, Sales' }), node(2, 'Employee', { lastName: 'King' }), node(3, 'Order', { orderID: 10248 })]);
  const looks = computeLooks(state, withCaption(DEFAULT_RULES, 'Employee', 'title'), name);
  expect(looks.nodes.get(`${P}1`)!.caption).toBe('Vice President, Sales');
  expect(looks.nodes.get(`${P}2`)!.caption).toBe('Node 2');
  expect(looks.nodes.get(`${P}3`)!.caption).toBeNull();
  expect(looks.key.captions).toEqual([['Employee', 'title']]);
  expect(withCaption(withCaption(DEFAULT_RULES, 'Employee', 'title'), 'Employee', null)).toEqual(DEFAULT_RULES);
});

test('relationship width by a numeric property: the widest for the largest value, relationships without it left at the normal width', () => {
  const state = view([node(1, 'Order'), node(2, 'Product'), node(3, 'Product')], [edge(1, 1, 2, { quantity: 1 }), edge(2, 1, 3, { quantity: 120 }), { ...edge(3, 2, 3), type: 'SIMILAR' }]);
  const looks = computeLooks(state, rules({ width: { by: 'property', property: 'quantity' } }), name);
  expect(looks.edges.get('5:x:1')).toBe(EDGE_WIDTH.min);
  expect(looks.edges.get('5:x:2')).toBe(EDGE_WIDTH.max);
  expect(looks.edges.has('5:x:3')).toBe(false);
  expect(looks.key.width).toMatchObject({ property: 'quantity', range: { min: 1, max: 120, missing: 1 } });
});

test('rules go to a compact form and back; what is not a rule is dropped with a note, never thrown', () => {
  const all: StyleRules = { size: { by: 'degree' }, color: { by: 'property', property: 'country' }, captions: { Employee: 'title' }, width: { by: 'property', property: 'quantity' } };
  expect(encodeRules(all)).toEqual({ z: 1, c: 'country', n: { Employee: 'title' }, w: 'quantity' });
  expect(decodeRules(encodeRules(all))).toEqual({ rules: all, problems: [] });
  expect(encodeRules(DEFAULT_RULES)).toEqual({});
  expect(isDefaultRules(decodeRules({}).rules)).toBe(true);
  const bad = decodeRules({ z: 7, c: ['x'], n: { Employee: 3 }, w: 'price' });
  expect(bad.rules).toEqual({ ...DEFAULT_RULES, width: { by: 'property', property: 'price' } });
  expect(bad.problems).toEqual(['the node size rule', 'the colour rule', 'the caption of Employee']);
  expect(decodeRules('nonsense').problems).toEqual(['the styling rules are not readable']);
});

test('a shared view carries its styling rules; a link without them (made before styling) still opens with none', () => {
  const shared = { ids: [`${P}1`], positions: { [`${P}1`]: { x: 1, y: 2 } }, pinned: [], hidden: [], filters: NO_FILTERS, layout: 'fcose' as const };
  const styling: StyleRules = { ...DEFAULT_RULES, size: { by: 'property', property: 'unitPrice' } };
  expect(decodeView(encodeView({ ...shared, styling })).styling).toEqual(styling);
  const old = encodeView(shared);
  expect(decodeView(old).styling).toBeUndefined();
  expect(decodeView(old).ids).toEqual([`${P}1`]);
  // The default look adds nothing to the link.
  expect(encodeView({ ...shared, styling: DEFAULT_RULES })).toBe(old);
});

test('the database is known by the database part of its elementIds', () => {
  expect(databaseKey(emptyView())).toBeNull();
  expect(databaseKey(view([node(7, 'A')]))).toBe(P.slice(0, -1));
});

test("the panel's choices come from the schema of the labels on the canvas; sizes and widths only for properties holding numbers there", () => {
  const schema: SchemaInfo = {
    labels: [
      { name: 'Product', count: 2, properties: ['productName', 'unitPrice', 'quantityPerUnit'], nameProperty: 'productName', searchProperties: [] },
      { name: 'Supplier', count: 1, properties: ['companyName', 'country'], nameProperty: 'companyName', searchProperties: [] },
      { name: 'Region', count: 1, properties: ['regionDescription'], nameProperty: 'regionDescription', searchProperties: [] },
    ],
    relationshipTypes: [{ name: 'ORDERS', count: 1, properties: ['quantity', 'note'] }],
    searchIndex: null,
    searchIndexes: [],
  };
  const state = view(
    [node(1, 'Product', { productName: 'Chai', unitPrice: 18, quantityPerUnit: '10 boxes' }), node(2, 'Supplier', { companyName: 'Exotic Liquids', country: 'UK' })],
    [edge(1, 2, 1, { quantity: 5, note: 'x' })],
  );
  const options = styleOptions(schema, state);
  expect(options.nodeProperties.map((choice) => [choice.name, choice.numeric])).toEqual([
    ['companyName', false],
    ['country', false],
    ['productName', false],
    ['quantityPerUnit', false],
    ['unitPrice', true],
  ]);
  expect(options.nodeProperties.find((choice) => choice.name === 'country')!.owners).toEqual(['Supplier']);
  expect(options.edgeProperties.filter((choice) => choice.numeric).map((choice) => choice.name)).toEqual(['quantity']);
  expect(options.captions.map((caption) => [caption.label, caption.naming])).toEqual([['Product', 'productName'], ['Supplier', 'companyName']]);
});

test('a link carries the palette place of each value of a colour-by-property rule, and reads back only what is sound (each value once, each place once, places in the palette)', () => {
  const rules: StyleRules = { ...DEFAULT_RULES, color: { by: 'property', property: 'kind' } };
  const view = { ids: ['4:x:1'], positions: {}, pinned: [], hidden: [], filters: { hiddenLabels: [], hiddenTypes: [], years: null, keepUndated: true, hideOrphans: false }, layout: 'fcose' as const, styling: rules };
  const colors: Array<[string, number]> = [['bank', 3], ['platform', 4]];
  expect(decodeView(encodeView({ ...view, valueColors: colors })).valueColors).toEqual(colors);
  // Not with another colour rule: nothing to place.
  expect(decodeView(encodeView({ ...view, styling: DEFAULT_RULES, valueColors: colors })).valueColors).toBeUndefined();
  const text = encodeView({ ...view, valueColors: [['bank', 3], ['bank', 5], ['loan', 3], ['odd', CATEGORY_COLORS.length], ['half', 1.5], ['ok', 0]] });
  expect(decodeView(text).valueColors).toEqual([['bank', 3], ['ok', 0]]);
});
