/** Issue 16, "Add an article": the pure parts of the review (client/src/edit/article), tested without a browser or a database. */
import cytoscape from 'cytoscape';
import type { EditModel, ExtractResult, GraphNode } from '../../server/contract';
import { render } from '../../client/src/graph/render';
import { applyRefreshed } from '../../client/src/edit/canvas';
import {
  acceptRest,
  addsEvidence,
  commitOperation,
  decideEntity,
  decideRelationship,
  editEntity,
  editRelationship,
  extractionError,
  modelAllows,
  previewGraph,
  sourceProblems,
  startReview,
  tallyReview,
  typeChoices,
  type Review,
} from '../../client/src/edit/article/review';
import { quoteRange, segmentText } from '../../client/src/edit/article/segments';
import { addGraph, emptyView } from '../../client/src/state';

const TEXT = 'Baidu partnered with Huaxia Bank. Du Xiaoman, a unit of Baidu, lends. Northwind bought a stake in Du Xiaoman.';
const at = (word: string, from = 0): [number, number] => {
  const start = TEXT.indexOf(word, from);
  return [start, start + word.length];
};

const RESULT: ExtractResult = {
  text: TEXT,
  entities: [
    { key: 'baidu', name: 'Baidu Inc', label: 'Company', aliases: ['Baidu'], existingId: '4:db:1', mentions: [at('Baidu'), at('Baidu', 40)] },
    { key: 'huaxia-bank', name: 'Huaxia Bank Co Ltd', label: 'Bank', aliases: [], existingId: '4:db:9', mentions: [at('Huaxia Bank')] },
    { key: 'du-xiaoman', name: 'Du Xiaoman', label: 'Company', aliases: ['Du Xiaoman Financial'], existingId: null, mentions: [at('Du Xiaoman'), at('Du Xiaoman', 80)] },
    { key: 'northwind', name: 'Northwind', label: 'Company', aliases: [], existingId: null, mentions: [at('Northwind')] },
  ],
  relationships: [
    { from: 'baidu', to: 'huaxia-bank', type: 'PARTNERS_WITH', quote: 'Baidu partnered with Huaxia Bank.', confidence: 0.9, existingId: '5:db:40' },
    { from: 'du-xiaoman', to: 'baidu', type: 'SUBSIDIARY_OF', quote: 'Du Xiaoman, a unit of Baidu, lends.', confidence: 0.85, existingId: null },
    { from: 'northwind', to: 'du-xiaoman', type: 'OWNS', quote: 'Northwind bought a stake in Du Xiaoman.', confidence: 0.7, existingId: null },
  ],
};

const MODEL: EditModel = {
  kind: 'fintech',
  labels: [{ name: 'Company', meaning: '' }, { name: 'Bank', meaning: '' }, { name: 'Product', meaning: '' }],
  relationshipTypes: [
    { type: 'PARTNERS_WITH', meaning: '', from: ['Company', 'Bank'], to: ['Company', 'Bank'], symmetric: false },
    { type: 'SUBSIDIARY_OF', meaning: '', from: ['Company'], to: ['Company'], symmetric: false },
    { type: 'OWNS', meaning: '', from: ['Company', 'Bank'], to: ['Company', 'Bank', 'Product'], symmetric: false },
    { type: 'OFFERS', meaning: '', from: ['Company', 'Bank'], to: ['Product'], symmetric: false },
  ],
  evidenceRequired: true,
  sources: [],
};

const SOURCE = { title: 'Baidu and Huaxia', publisher: 'Example Wire', url: 'https://example.com/a', published: '2026-03-03' };

describe('segments of the article text', () => {
  test('the text is cut at every range; each segment names the ranges over it, and the segments add up to the text', () => {
    const segments = segmentText('Tencent partners with CCB.', [
      { start: 0, end: 7, owner: 'entity:tencent' },
      { start: 22, end: 25, owner: 'entity:ccb' },
      { start: 0, end: 26, owner: 'relationship:0' },
    ]);
    expect(segments.map((segment) => [segment.text, segment.owners])).toEqual([
      ['Tencent', ['entity:tencent', 'relationship:0']],
      [' partners with ', ['relationship:0']],
      ['CCB', ['entity:ccb', 'relationship:0']],
      ['.', ['relationship:0']],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe('Tencent partners with CCB.');
  });

  test('ranges outside the text are clipped, empty ones left out; a text with none is one plain segment', () => {
    expect(segmentText('abc', [{ start: 2, end: 99, owner: 'x' }, { start: 1, end: 1, owner: 'y' }]).map((segment) => [segment.text, segment.owners])).toEqual([
      ['ab', []],
      ['c', ['x']],
    ]);
    expect(segmentText('plain', [])).toEqual([{ start: 0, text: 'plain', owners: [] }]);
  });

  test('a quote is found as written, else ignoring case and spacing; an edited quote the text does not hold is null', () => {
    expect(quoteRange(TEXT, 'Du Xiaoman, a unit of Baidu, lends.')).toEqual(at('Du Xiaoman, a unit of Baidu, lends.'));
    expect(quoteRange('Baidu  partnered\nwith Huaxia', 'baidu partnered with huaxia')).toEqual([0, 28]);
    expect(quoteRange(TEXT, 'Du Xiaoman is wholly owned by Baidu.')).toBeNull();
    expect(quoteRange(TEXT, '  ')).toBeNull();
  });
});

describe('reviewing the candidates', () => {
  test('rejecting an entity rejects its relationships with it (returned, to say so); accepting it again brings them back undecided', () => {
    const review = startReview(RESULT);
    const rejected = decideEntity(review, 'northwind', 'rejected');
    expect(rejected.dropped.map((item) => item.type)).toEqual(['OWNS']);
    expect(rejected.review.relationships.map((item) => [item.type, item.decision, item.rejectedWith])).toEqual([
      ['PARTNERS_WITH', 'undecided', null],
      ['SUBSIDIARY_OF', 'undecided', null],
      ['OWNS', 'rejected', 'northwind'],
    ]);
    const back = decideEntity(rejected.review, 'northwind', 'accepted');
    expect(back.restored.map((item) => item.type)).toEqual(['OWNS']);
    expect(back.review.relationships[2]).toMatchObject({ decision: 'undecided', rejectedWith: null });
  });

  test('accepting a relationship accepts its undecided ends; one with a rejected end cannot be accepted, and nothing changes', () => {
    const review = startReview(RESULT);
    const accepted = decideRelationship(review, 1, 'accepted');
    expect(accepted.refusal).toBeNull();
    expect(accepted.review.entities.map((entity) => [entity.key, entity.decision])).toEqual([
      ['baidu', 'accepted'],
      ['huaxia-bank', 'undecided'],
      ['du-xiaoman', 'accepted'],
      ['northwind', 'undecided'],
    ]);
    const withRejected = decideEntity(review, 'du-xiaoman', 'rejected').review;
    const refused = decideRelationship(withRejected, 1, 'accepted');
    expect(refused.refusal).toBe('Du Xiaoman is rejected: accept it first to accept a relationship of it.');
    expect(refused.review).toBe(withRejected);
  });

  test('"Accept the rest" accepts every undecided candidate, keeping what was rejected', () => {
    const review = acceptRest(decideEntity(startReview(RESULT), 'northwind', 'rejected').review);
    expect(tallyReview(review)).toEqual({ accepted: 5, rejected: 2, undecided: 0 });
  });

  test('a relationship edited in type or direction no longer adds evidence to the one the graph has; the quote alone does', () => {
    const review = startReview(RESULT);
    expect(addsEvidence(review.relationships[0]!)).toBe(true);
    expect(addsEvidence(editRelationship(review, 0, { quote: 'Baidu partnered with Huaxia Bank' }).relationships[0]!)).toBe(true);
    const swapped = editRelationship(review, 0, { swap: true }).relationships[0]!;
    expect([swapped.from, swapped.to, addsEvidence(swapped)]).toEqual(['huaxia-bank', 'baidu', false]);
    expect(addsEvidence(editRelationship(review, 0, { type: 'OWNS' }).relationships[0]!)).toBe(false);
  });

  test('the types offered are the model’s between the ends’ labels as edited, in the relationship’s direction, the current one first', () => {
    const review = startReview(RESULT);
    expect(typeChoices(MODEL, review, review.relationships[1]!)).toEqual(['SUBSIDIARY_OF', 'PARTNERS_WITH', 'OWNS']);
    const product = editEntity(review, 'du-xiaoman', { name: 'Du Xiaoman', label: 'Product' });
    // Baidu (Company) → Du Xiaoman (Product) after a swap: OWNS and OFFERS.
    const swapped = editRelationship(product, 1, { swap: true });
    expect(typeChoices(MODEL, swapped, swapped.relationships[1]!)).toEqual(['SUBSIDIARY_OF', 'OWNS', 'OFFERS']);
  });

  test('a relationship whose ends were relabelled or swapped out of the model’s rule is flagged (the server would refuse it)', () => {
    const review = startReview(RESULT);
    expect(modelAllows(MODEL, review, review.relationships[1]!)).toBe(true);
    const product = editEntity(review, 'du-xiaoman', { name: 'Du Xiaoman', label: 'Product' });
    expect(modelAllows(MODEL, product, product.relationships[1]!)).toBe(false);
    expect(modelAllows({ ...MODEL, relationshipTypes: [] }, product, product.relationships[1]!)).toBe(true);
  });

  test('an entity of the graph is not edited here (name and label are the graph’s)', () => {
    const review = editEntity(startReview(RESULT), 'baidu', { name: 'Other', label: 'Bank' });
    expect(review.entities[0]).toMatchObject({ name: 'Baidu Inc', label: 'Company' });
  });
});

describe('the commitArticle operation', () => {
  function reviewed(): Review {
    let review = startReview(RESULT);
    review = decideEntity(review, 'northwind', 'rejected').review;
    review = decideRelationship(review, 0, 'accepted').review;
    review = decideRelationship(review, 1, 'accepted').review;
    return editEntity(review, 'du-xiaoman', { name: 'Du Xiaoman Financial', label: 'Company' });
  }

  test('holds the source with the article’s text, the accepted entities (the graph’s by existing) and relationships (existing where one adds evidence); rejected and undecided left out', () => {
    expect(commitOperation(reviewed(), { ...SOURCE, title: '  Baidu and Huaxia ' })).toEqual({
      op: 'commitArticle',
      source: { ...SOURCE, text: TEXT },
      entities: [
        { ref: 'baidu', existing: '4:db:1' },
        { ref: 'huaxia-bank', existing: '4:db:9' },
        // Renamed: the article's name for it stays as an alias (and its new name is not its own alias).
        { ref: 'du-xiaoman', label: 'Company', name: 'Du Xiaoman Financial', aliases: ['Du Xiaoman'] },
      ],
      relationships: [
        { from: 'baidu', to: 'huaxia-bank', type: 'PARTNERS_WITH', quote: 'Baidu partnered with Huaxia Bank.', existing: '5:db:40' },
        { from: 'du-xiaoman', to: 'baidu', type: 'SUBSIDIARY_OF', quote: 'Du Xiaoman, a unit of Baidu, lends.' },
      ],
    });
  });

  test('nothing accepted, an empty quote: refused in the user’s words', () => {
    expect(() => commitOperation(startReview(RESULT), SOURCE)).toThrow('Nothing to commit: accept at least one relationship or one new entity (or Cancel).');
    const empty = editRelationship(reviewed(), 1, { quote: ' ' });
    expect(() => commitOperation(empty, SOURCE)).toThrow('The relationship Du Xiaoman Financial —SUBSIDIARY_OF→ Baidu Inc has an empty quote: every fact keeps the sentence that states it.');
  });

  test('the preview holds the accepted entities and the ends of accepted relationships, and those relationships', () => {
    expect(previewGraph(reviewed())).toEqual({
      nodes: [
        { ref: 'baidu', name: 'Baidu Inc', label: 'Company', existingId: '4:db:1' },
        { ref: 'huaxia-bank', name: 'Huaxia Bank Co Ltd', label: 'Bank', existingId: '4:db:9' },
        { ref: 'du-xiaoman', name: 'Du Xiaoman Financial', label: 'Company', existingId: null },
      ],
      edges: [
        { index: 0, from: 'baidu', to: 'huaxia-bank', type: 'PARTNERS_WITH', existingId: '5:db:40' },
        { index: 1, from: 'du-xiaoman', to: 'baidu', type: 'SUBSIDIARY_OF', existingId: null },
      ],
    });
  });
});

describe('the source and errors in the user’s words', () => {
  test('every field is asked for; the link must be http(s), the date a real YYYY-MM-DD', () => {
    expect(sourceProblems(SOURCE)).toEqual([]);
    expect(sourceProblems({ title: ' ', publisher: '', url: 'ftp://example.com/a', published: '2026-02-30' }).map((problem) => problem.field)).toEqual(['title', 'publisher', 'url', 'published']);
    expect(sourceProblems({ ...SOURCE, url: 'javascript:alert(1)' })[0]!.message).toBe('The link must be a web address starting with https:// or http:// (got “javascript:alert(1)”).');
    expect(sourceProblems({ ...SOURCE, published: '03/03/2026' })[0]!.message).toBe('The publication date must be a real date as YYYY-MM-DD, e.g. 2026-03-03 (got “03/03/2026”).');
  });

  test('a failed extraction: the server’s words for a long article, what was wrong for a bad one, and the text kept when the server is away', () => {
    expect(extractionError(413, 'The article is too long: 20,050 words.')).toBe('The article is too long: 20,050 words.');
    expect(extractionError(400, 'The article contains NUL bytes.')).toBe('The article could not be read: The article contains NUL bytes.');
    expect(extractionError(0, '')).toContain('Your text is kept');
  });
});

describe('the canvas after the commit', () => {
  const node = (id: string, key: string): GraphNode => ({ id, labels: ['Company'], properties: { id: key, name: key } });

  test('nodes are drawn where the preview stood them (by key), even when not asked to draw every new node; the rest the change made are not drawn', () => {
    const state = addGraph(emptyView(), { nodes: [node('4:db:9', 'huaxia-bank')], edges: [] }, { positions: { '4:db:9': { x: 0, y: 0 } } });
    const refreshed = {
      nodes: new Map([
        ['du-xiaoman', node('4:db:31', 'du-xiaoman')],
        ['a-source', { id: '4:db:30', labels: ['Source'], properties: { id: 'a-source' } }],
      ]),
      edges: new Map(),
      mergedInto: new Map<string, string>(),
    };
    const next = applyRefreshed(state, refreshed, { addNew: false, at: new Map([['du-xiaoman', { x: 120, y: -40 }]]) });
    expect(Object.keys(next.nodes).sort()).toEqual(['4:db:31', '4:db:9']);
    expect(next.nodes['4:db:31']!.position).toEqual({ x: 120, y: -40 });
  });
});

describe('the preview on the canvas', () => {
  test('drawing the state leaves the proposed elements alone (they are not the state’s), and draws the state’s as before', () => {
    const cy = cytoscape({ headless: true, styleEnabled: false });
    const state = addGraph(emptyView(), { nodes: [{ id: '4:db:9', labels: ['Bank'], properties: { id: 'huaxia-bank', name: 'Huaxia Bank' } }], edges: [] }, { positions: { '4:db:9': { x: 0, y: 0 } } });
    render(cy, state);
    cy.add([
      { group: 'nodes', data: { id: 'proposed-node:du-xiaoman', name: 'Du Xiaoman' }, classes: 'proposed', position: { x: 50, y: 50 } },
      { group: 'edges', data: { id: 'proposed-edge:0', source: 'proposed-node:du-xiaoman', target: '4:db:9', type: 'PARTNERS_WITH' }, classes: 'proposed' },
    ]);
    render(cy, state);
    expect(cy.elements().map((element) => element.id()).sort()).toEqual(['4:db:9', 'proposed-edge:0', 'proposed-node:du-xiaoman']);
    render(cy, emptyView());
    // The real node goes (and the proposed edge with its end); the proposed node stays until the preview is cleared.
    expect(cy.elements().map((element) => element.id())).toEqual(['proposed-node:du-xiaoman']);
  });
});
