/**
 * Issue 16, the change API on the fintech dataset (real Neo4j over HTTP): each operation in one
 * transaction with its history, revert, the model's rules and evidence, 409s for edits made
 * meanwhile, and each bad input refused with a clear error and the database unchanged.
 */
import type { ChangeRecord, ElementHistory, KeyResolution, RelationshipDetails, SchemaInfo, SearchResult, GraphView, SubgraphResult } from '../../server/contract';
import { fingerprint, loadSeed } from '../support/database';
import { useSeededApp } from '../support/http';
import { change, changeCount, content, send } from '../support/changes';

const context = useSeededApp();
const url = (path: string) => `${context.app.url}/api${path}`;
const post = (body: unknown, headers: Record<string, string> = {}) => send(url('/changes'), body, headers);

const CHINA_DAILY = 'china-daily-giants-join-banks';
const ARTICLE =
  'Tencent signed a strategic cooperation agreement with China Construction Bank on Monday to set up a fintech lab.\n\n' +
  'The “lab” will study cloud computing, the two said. Separately, Xiaomi partnered with Huaxia Bank on payments.';

beforeEach(async () => {
  await loadSeed(context.database);
});

async function expectUnchanged<T>(work: () => Promise<T>): Promise<T> {
  const before = await fingerprint(context.database);
  const result = await work();
  expect(await fingerprint(context.database)).toEqual(before);
  return result;
}

describe('creating, editing and deleting', () => {
  test('a new entity and a relationship citing a new source are created with stable keys, and the change is in both histories', async () => {
    const answer = await post(
      change(
        [
          { op: 'createNode', ref: 'lab', label: 'Company', name: 'Tencent CCB Fintech Lab', aliases: ['the lab'], properties: { country: 'China' } },
          {
            op: 'createRelationship',
            ref: 'r',
            type: 'SET_UP_JOINT_VENTURE',
            from: 'tencent',
            to: 'lab',
            evidence: [{ source: { ref: 'article', title: 'Tencent and CCB set up a lab', publisher: 'Example News', url: 'https://example.com/lab', published: '2026-11-30', text: ARTICLE }, quote: 'Tencent signed a strategic cooperation agreement with China Construction Bank on Monday to set up a fintech lab.' }],
          },
        ],
        { comment: 'Add the lab' },
      ),
      { 'X-Fingraph-Author': 'Ada' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.keys).toEqual({ lab: 'tencent-ccb-fintech-lab', r: 'tencent-set-up-joint-venture-tencent-ccb-fintech-lab', article: 'example-news-tencent-and-ccb-set-up-a-lab' });
    expect(answer.body.change.author).toBe('Ada');
    expect(answer.body.change.elements.map((element) => [element.kind, element.key, element.before === null, element.after === null])).toEqual([
      ['node', 'tencent-ccb-fintech-lab', true, false],
      ['node', 'example-news-tencent-and-ccb-set-up-a-lab', true, false],
      ['relationship', 'tencent-set-up-joint-venture-tencent-ccb-fintech-lab', true, false],
    ]);

    const lab = await send<KeyResolution>(url('/keys/tencent-ccb-fintech-lab'), undefined, {}, 'GET');
    expect(lab.body).toMatchObject({ kind: 'node', mergedInto: null, node: { labels: ['Company'], properties: { id: 'tencent-ccb-fintech-lab', name: 'Tencent CCB Fintech Lab', aliases: ['the lab'], country: 'China' } } });
    const relationship = await send<KeyResolution>(url('/keys/tencent-set-up-joint-venture-tencent-ccb-fintech-lab'), undefined, {}, 'GET');
    expect(relationship.body.kind).toBe('relationship');
    const details = await send<RelationshipDetails>(url(`/relationships/${relationship.body.kind === 'relationship' ? relationship.body.relationship.id : ''}`), undefined, {}, 'GET');
    expect(details.body.evidence.map((evidence) => [evidence.source.id, evidence.source.publisher, evidence.quote])).toEqual([
      ['example-news-tencent-and-ccb-set-up-a-lab', 'Example News', 'Tencent signed a strategic cooperation agreement with China Construction Bank on Monday to set up a fintech lab.'],
    ]);

    const history = await send<ElementHistory>(url('/keys/tencent-ccb-fintech-lab/history'), undefined, {}, 'GET');
    expect(history.body.changes.map((entry) => [entry.id, entry.comment, entry.author])).toEqual([[answer.body.change.id, 'Add the lab', 'Ada']]);
    expect((await send<ElementHistory>(url('/keys/tencent/history'), undefined, {}, 'GET')).body.changes).toEqual([]);
  });

  test('an edit sets and removes properties, records before and after, and is refused (409) when the values it read have changed since', async () => {
    const first = await post(change([{ op: 'editNode', node: 'huaxia-bank', set: { country: 'PRC', employees: 40000 }, unset: ['description'], expected: { country: 'China', employees: null, description: 'Chinese bank that partners with Tencent on an anti-fraud lab, a financial services cloud and AI customer service.' } }]));
    expect(first.status).toBe(200);
    const [element] = first.body.change.elements;
    expect(element).toMatchObject({ kind: 'node', key: 'huaxia-bank', before: { properties: { country: 'China' } }, after: { properties: { country: 'PRC', employees: 40000 } } });
    expect(element?.after?.properties).not.toHaveProperty('description');

    // A second editor read the bank before the first saved: refused, with what changed.
    const second = await expectUnchanged(() => post(change([{ op: 'editNode', node: 'huaxia-bank', set: { country: 'Mainland China' }, expected: { country: 'China' } }])));
    expect(second.status).toBe(409);
    expect(second.body.rule).toBe('concurrency.changed-meanwhile');
    expect(second.body.conflicts).toEqual([{ key: 'huaxia-bank', property: 'country', expected: 'China', current: 'PRC' }]);
    expect(second.body.detail).toMatch(/was changed since you read it \(country\).*Read it again/);
  });

  test('two saves of the same entity sent at once: one is written, the other refused with 409, never both', async () => {
    const edit = (country: string) => post(change([{ op: 'editNode', node: 'icbc', set: { country }, expected: { country: 'China' } }]));
    const answers = await Promise.all([edit('A'), edit('B')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)!.body.change.elements[0]!.after!.properties.country;
    const stored = await context.database.runStatement("MATCH (n {id: 'icbc'}) RETURN n.country AS country");
    expect(stored.records[0]?.get('country')).toBe(winner);
  });

  test('an edit that does not say what it read is refused', async () => {
    const answer = await expectUnchanged(() => post(change([{ op: 'editNode', node: 'icbc', set: { country: 'X' } }])));
    expect(answer.status).toBe(400);
    expect(answer.body.rule).toBe('concurrency.expected-missing');
    expect(answer.body.detail).toContain("missing: country");
  });

  test('a relationship is edited, gets new evidence, and is deleted', async () => {
    const key = 'tencent-partners-with-huaxia-bank';
    const edited = await post(change([{ op: 'editRelationship', relationship: key, set: { announced: 'on Thursday, 2017' }, expected: { announced: 'on Thursday' } }]));
    expect(edited.status).toBe(200);
    const cited = await post(change([{ op: 'addEvidence', relationship: key, evidence: [{ source: CHINA_DAILY, quote: 'The duo plan to co-develop an anti-fraud lab' }] }]));
    expect(cited.status).toBe(200);
    expect(cited.body.change.elements[0]?.after?.properties.quotes).toHaveLength(3);
    const deleted = await post(change([{ op: 'deleteRelationship', relationship: key }]));
    expect(deleted.status).toBe(200);
    expect(deleted.body.change.elements).toEqual([expect.objectContaining({ kind: 'relationship', key, after: null, before: expect.objectContaining({ type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank' }) })]);
    expect((await send(url(`/keys/${key}`), undefined, {}, 'GET')).status).toBe(404);
    expect((await send<ElementHistory>(url(`/keys/${key}/history`), undefined, {}, 'GET')).body.changes.map((entry) => entry.id)).toEqual([deleted.body.change.id, cited.body.change.id, edited.body.change.id]);
  });

  test('a node is deleted only with confirmation; the refusal and a dry run say which relationships go with it; a revert brings everything back', async () => {
    const before = await content(context.database);
    const refused = await expectUnchanged(() => post(change([{ op: 'deleteNode', node: 'huaxia-bank' }])));
    expect(refused.status).toBe(400);
    expect(refused.body.rule).toBe('delete.confirm');
    expect(refused.body.goesWith).toEqual([expect.objectContaining({ key: 'tencent-partners-with-huaxia-bank', type: 'PARTNERS_WITH', from: 'tencent', to: 'huaxia-bank' })]);
    expect(refused.body.detail).toMatch(/deletes its 1 relationship with it.*"confirm": true/);

    const dryRun = await expectUnchanged(() => post(change([{ op: 'deleteNode', node: 'huaxia-bank' }], { dryRun: true })));
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.dryRun).toBe(true);
    expect(dryRun.body.change.elements.map((element) => [element.kind, element.key, element.after])).toEqual([
      ['relationship', 'tencent-partners-with-huaxia-bank', null],
      ['node', 'huaxia-bank', null],
    ]);

    const deleted = await post(change([{ op: 'deleteNode', node: 'huaxia-bank', confirm: true }]));
    expect(deleted.status).toBe(200);
    expect((await send(url('/keys/huaxia-bank'), undefined, {}, 'GET')).status).toBe(404);
    const reverted = await send(url(`/changes/${deleted.body.change.id}/revert`), {});
    expect(reverted.status).toBe(200);
    expect(reverted.body.change.revertOf).toBe(deleted.body.change.id);
    expect(reverted.body.change.comment).toBe('Revert: a test change');
    expect(await content(context.database)).toBe(before);
  });
});

describe('merging duplicates', () => {
  test('the duplicate\'s relationships move to the survivor, aliases join, evidence is kept, and its key resolves to the survivor; a revert separates them again', async () => {
    const made = await post(
      change([
        { op: 'createNode', ref: 'dup', key: 'ccb-duplicate', label: 'Bank', name: 'CCB Corp', aliases: ['Jianhang'] },
        { op: 'createRelationship', type: 'PARTNERS_WITH', from: 'tencent', to: 'dup', evidence: [{ source: CHINA_DAILY, quote: 'a made-up quote for the duplicate' }] },
        { op: 'createRelationship', type: 'PARTNERS_WITH', from: 'alibaba', to: 'dup', evidence: [{ source: CHINA_DAILY, quote: 'another quote, for the twin' }] },
      ]),
    );
    expect(made.status).toBe(200);
    const before = await content(context.database);

    const merged = await post(change([{ op: 'mergeNodes', survivor: 'china-construction-bank', duplicate: 'ccb-duplicate' }], { comment: 'CCB twice' }));
    expect(merged.status).toBe(200);
    const resolved = await send<KeyResolution>(url('/keys/ccb-duplicate'), undefined, {}, 'GET');
    expect(resolved.body).toMatchObject({ kind: 'node', mergedInto: 'china-construction-bank', node: { properties: { id: 'china-construction-bank' } } });
    const survivor = resolved.body.kind === 'node' ? resolved.body.node : null;
    expect(survivor?.properties.aliases).toEqual(expect.arrayContaining(['CCB', 'CCB Corp', 'Jianhang']));
    expect(survivor?.properties.formerIds).toEqual(['ccb-duplicate']);

    const partners = await context.database.runStatement("MATCH (a)-[r:PARTNERS_WITH]->(:Bank {id: 'china-construction-bank'}) RETURN a.id AS from, r.id AS id, r.quotes AS quotes ORDER BY from");
    const rows = partners.records.map((record) => [record.get('from'), record.get('id'), record.get('quotes')]);
    // Alibaba already partnered with CCB: the duplicate's quote joins that relationship; Tencent's moves.
    expect(rows).toEqual([
      ['alibaba', 'alibaba-partners-with-china-construction-bank', expect.arrayContaining(['another quote, for the twin', 'CCBC also has a similar arrangement with Alibaba\'s Ant Fortune platforms.'])],
      ['tencent', 'tencent-partners-with-ccb-duplicate', ['a made-up quote for the duplicate']],
    ]);

    // A survivor reached through the duplicate's key is still the same node: no merge into itself.
    const itself = await expectUnchanged(() => post(change([{ op: 'mergeNodes', survivor: 'china-construction-bank', duplicate: 'ccb-duplicate' }])));
    expect(itself.status).toBe(400);
    expect(itself.body.rule).toBe('merge.same-node');

    const reverted = await send(url(`/changes/${merged.body.change.id}/revert`), { comment: 'not the same bank after all' });
    expect(reverted.status).toBe(200);
    expect(await content(context.database)).toBe(before);
    expect((await send<KeyResolution>(url('/keys/ccb-duplicate'), undefined, {}, 'GET')).body).toMatchObject({ mergedInto: null, node: { properties: { id: 'ccb-duplicate' } } });
  });

  test('a node merged into itself is refused', async () => {
    const answer = await expectUnchanged(() => post(change([{ op: 'mergeNodes', survivor: 'icbc', duplicate: 'icbc' }])));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ rule: 'merge.same-node', title: 'Change Refused' });
    expect(answer.body.detail).toContain('a node cannot be merged into itself');
  });
});

describe('committing an article', () => {
  const source = { title: 'Tencent and CCB set up a fintech lab', publisher: 'Example News', url: 'https://example.com/a', published: '2026-11-30', text: ARTICLE };

  test('the source with its text, new and existing entities and relationships with their quotes are one change, and one revert undoes it', async () => {
    const before = await content(context.database);
    const answer = await post(
      change(
        [
          {
            op: 'commitArticle',
            source,
            entities: [
              { ref: 'tencent', existing: 'tencent' },
              { ref: 'ccb', existing: 'china-construction-bank' },
              { ref: 'xiaomi', existing: 'xiaomi' },
              { ref: 'huaxia', existing: 'huaxia-bank' },
              { ref: 'lab', label: 'Company', name: 'Tencent-CCB Fintech Lab' },
            ],
            relationships: [
              { from: 'tencent', to: 'ccb', type: 'PARTNERS_WITH', quote: 'Tencent signed a strategic cooperation agreement with China Construction Bank on Monday' },
              { from: 'tencent', to: 'lab', type: 'SET_UP_JOINT_VENTURE', quote: 'to set up a fintech lab' },
              // Curly quotes and a line break in the article; straight ones in the quote: found.
              { from: 'xiaomi', to: 'huaxia', type: 'PARTNERS_WITH', quote: 'The "lab" will study cloud computing' },
            ],
          },
        ],
        { comment: 'Article: Tencent and CCB' },
      ),
    );
    expect(answer.status).toBe(200);
    const kinds = answer.body.change.elements.map((element) => `${element.kind}:${element.key}`);
    expect(kinds).toEqual([
      'node:example-news-tencent-and-ccb-set-up-a-fintech-lab',
      'node:tencent-ccb-fintech-lab',
      'relationship:tencent-partners-with-china-construction-bank',
      'relationship:tencent-set-up-joint-venture-tencent-ccb-fintech-lab',
      'relationship:xiaomi-partners-with-huaxia-bank',
    ]);
    const stored = await context.database.runStatement("MATCH (s:Source {id: 'example-news-tencent-and-ccb-set-up-a-fintech-lab'}) RETURN s.text AS text, s.url AS url, s.published AS published");
    expect(stored.records[0]?.get('text')).toBe(ARTICLE);
    expect((await send<ElementHistory>(url('/keys/example-news-tencent-and-ccb-set-up-a-fintech-lab/history'), undefined, {}, 'GET')).body.changes).toHaveLength(1);

    const reverted = await send(url(`/changes/${answer.body.change.id}/revert`), {});
    expect(reverted.status).toBe(200);
    expect(await content(context.database)).toBe(before);
  });

  test('a fact already in the graph becomes new evidence of its relationship, not a duplicate', async () => {
    const answer = await post(
      change([
        {
          op: 'commitArticle',
          source,
          entities: [{ ref: 't', existing: 'tencent' }, { ref: 'h', existing: 'huaxia-bank' }],
          relationships: [{ from: 't', to: 'h', type: 'PARTNERS_WITH', quote: 'Xiaomi partnered with Huaxia Bank on payments', existing: 'tencent-partners-with-huaxia-bank' }],
        },
      ]),
    );
    expect(answer.status).toBe(200);
    const relationship = answer.body.change.elements.find((element) => element.kind === 'relationship')!;
    expect(relationship.key).toBe('tencent-partners-with-huaxia-bank');
    expect(relationship.after?.properties.sourceIds).toEqual([CHINA_DAILY, CHINA_DAILY, 'example-news-tencent-and-ccb-set-up-a-fintech-lab']);
  });

  test('a quote that is not in the source\'s text is refused, and nothing of the article is written', async () => {
    const answer = await expectUnchanged(() =>
      post(
        change([
          {
            op: 'commitArticle',
            source,
            entities: [{ ref: 'lab', label: 'Company', name: 'A Lab' }, { ref: 't', existing: 'tencent' }],
            relationships: [
              { from: 't', to: 'lab', type: 'SET_UP_JOINT_VENTURE', quote: 'to set up a fintech lab' },
              { from: 't', to: 'lab', type: 'PARTNERS_WITH', quote: 'Tencent bought China Construction Bank' },
            ],
          },
        ]),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.rule).toBe('evidence.quote-in-source');
    expect(answer.body.detail).toMatch(/^operations\[0\]\.relationships\[1\]\.evidence\[0\]\.quote: the quote is not in the text of the source/);
  });
});

describe('the model\'s rules and bad input: a clear error, and the database unchanged', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['a label that is a Cypher injection attempt', change([{ op: 'createNode', label: 'Company` {x:1}) WITH 1 AS x MATCH (n) DETACH DELETE n //', name: 'Evil' }]), 'names.identifier', /label name: letters, digits and underscores/],
    ['a type that is a Cypher injection attempt', change([{ op: 'createRelationship', type: 'PARTNERS_WITH]->() DETACH DELETE a //', from: 'tencent', to: 'icbc', evidence: [{ source: CHINA_DAILY, quote: 'x' }] }]), 'names.identifier', /relationship type name/],
    ['a property name that is a Cypher injection attempt', change([{ op: 'editNode', node: 'icbc', set: { 'x = 1 DETACH DELETE n //': 1 }, expected: {} }]), 'names.identifier', /property name/],
    ['a key that is a Cypher injection attempt', change([{ op: 'deleteNode', node: "icbc' OR 1=1 //", confirm: true }]), 'reference.unknown', /no node has the key/],
    ['a label not in the model', change([{ op: 'createNode', label: 'Planet', name: 'Mars' }]), 'model.label', /label 'Planet' is not in the model \(seed\/model.yaml\); use one of Company, Bank, Product, Regulator, Person/],
    ['a label kept for Fingraph\'s records', change([{ op: 'createNode', label: '_FingraphChange', name: 'x' }]), 'names.identifier', /label name/],
    ['a type not in the model', change([{ op: 'createRelationship', type: 'LOVES', from: 'tencent', to: 'icbc', evidence: [{ source: CHINA_DAILY, quote: 'x' }] }]), 'model.type', /type 'LOVES' is not in the model.*PARTNERS_WITH/],
    ['a type between labels it may not join', change([{ op: 'createRelationship', type: 'OFFERS', from: 'tencent', to: 'icbc', evidence: [{ source: CHINA_DAILY, quote: 'x' }] }]), 'model.relationship-ends', /OFFERS ends at a Product, but its end is a Bank/],
    ['a relationship without evidence', change([{ op: 'createRelationship', type: 'PARTNERS_WITH', from: 'tencent', to: 'icbc' }]), 'evidence.required', /every relationship cites its evidence/],
    ['evidence citing a node that is not a source', change([{ op: 'createRelationship', type: 'PARTNERS_WITH', from: 'tencent', to: 'icbc', evidence: [{ source: 'alibaba', quote: 'x' }] }]), 'evidence.source', /'alibaba' is a Company, not a Source/],
    ['a new source without a date', change([{ op: 'createRelationship', type: 'PARTNERS_WITH', from: 'tencent', to: 'icbc', evidence: [{ source: { title: 't', publisher: 'p', url: 'https://x.example' } as never, quote: 'x' }] }]), 'request.shape', /published: must be a date YYYY-MM-DD/],
    ['an operation that is not one', change([{ op: 'dropDatabase' } as never]), 'request.shape', /must have an 'op'/],
    ['no comment', { operations: [{ op: 'deleteRelationship', relationship: 'tencent-partners-with-huaxia-bank' }] }, 'request.shape', /comment/],
    ['setting a key by hand', change([{ op: 'editNode', node: 'icbc', set: { id: 'other' }, expected: { id: 'icbc' } }]), 'properties.reserved', /'id' is written by Fingraph itself/],
    ['an unknown node', change([{ op: 'createRelationship', type: 'PARTNERS_WITH', from: 'tencent', to: 'no-such-bank', evidence: [{ source: CHINA_DAILY, quote: 'x' }] }]), 'reference.unknown', /operations\[0\]\.to: no node has the key 'no-such-bank'/],
    ['a source that relationships cite (they would cite nothing)', change([{ op: 'deleteNode', node: CHINA_DAILY, confirm: true }]), 'delete.cited', /'china-daily-giants-join-banks' is the evidence of \d+ relationships \(listed in citedBy\), which would then cite nothing: delete those relationships first/],
    ['a change that changes nothing', change([{ op: 'editNode', node: 'icbc', set: { country: 'China' }, expected: { country: 'China' } }]), 'change.no-op', /changes nothing/],
  ];

  test.each(cases)('%s', async (_name, body, rule, detail) => {
    const answer = await expectUnchanged(() => post(body));
    expect(answer.status).toBe(400);
    expect(answer.body.rule).toBe(rule);
    expect(answer.body.detail).toMatch(detail);
    expect(answer.body.detail).toMatch(/./);
  });

  test('an article of more than 1 MB, or a binary one, is refused before anything is read', async () => {
    const source = { title: 't', publisher: 'p', url: 'https://example.com', published: '2026-01-01' };
    const commit = (text: string) => change([{ op: 'commitArticle', source: { ...source, text }, entities: [], relationships: [] }]);
    const large = await expectUnchanged(() => post(commit('Tencent partners with banks. '.repeat(400_000))));
    expect(large.status).toBe(413);
    expect(large.body.detail).toContain('larger than 1 MB');
    const binary = await expectUnchanged(() => post(commit('PK\u0003\u0004\u0000\u0000binary')));
    expect(binary.status).toBe(400);
    expect(binary.body.detail).toContain('source.text: holds control characters (is it a binary file?)');
  });

  test('a change whose last operation fails writes none of its earlier ones', async () => {
    const answer = await expectUnchanged(() =>
      post(
        change([
          { op: 'createNode', ref: 'a', label: 'Company', name: 'Written First' },
          { op: 'editNode', node: 'icbc', set: { country: 'Y' }, expected: { country: 'China' } },
          { op: 'createRelationship', type: 'PARTNERS_WITH', from: 'a', to: 'missing-bank', evidence: [{ source: CHINA_DAILY, quote: 'x' }] },
        ]),
      ),
    );
    expect(answer.status).toBe(400);
    expect(await changeCount(context.database)).toBe(0);
  });
});

describe('revert', () => {
  test('a revert of a change whose result was edited since is refused (409) with what changed', async () => {
    const first = await post(change([{ op: 'editNode', node: 'icbc', set: { country: 'A' }, expected: { country: 'China' } }]));
    const second = await post(change([{ op: 'editNode', node: 'icbc', set: { country: 'B' }, expected: { country: 'A' } }]));
    expect(second.status).toBe(200);
    const refused = await expectUnchanged(() => send(url(`/changes/${first.body.change.id}/revert`), {}));
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([{ key: 'icbc', property: 'country', expected: 'A', current: 'B' }]);
    expect(refused.body.detail).toMatch(/cannot be reverted: 'icbc' was changed since.*Revert the later changes first/);
    // Newest first works, and then the older one too.
    expect((await send(url(`/changes/${second.body.change.id}/revert`), {})).status).toBe(200);
    expect((await send(url(`/changes/${first.body.change.id}/revert`), {})).status).toBe(200);
    const stored = await context.database.runStatement("MATCH (n {id: 'icbc'}) RETURN n.country AS country");
    expect(stored.records[0]?.get('country')).toBe('China');
    const history = await send<ElementHistory>(url('/keys/icbc/history'), undefined, {}, 'GET');
    expect(history.body.changes.map((entry: ChangeRecord) => entry.revertOf)).toEqual([first.body.change.id, second.body.change.id, null, null]);
  });

  test('a revert of a change that created a node others have connected to since is refused', async () => {
    const made = await post(change([{ op: 'createNode', ref: 'n', label: 'Bank', name: 'New Bank' }]));
    expect((await post(change([{ op: 'createRelationship', type: 'PARTNERS_WITH', from: 'tencent', to: 'new-bank', evidence: [{ source: CHINA_DAILY, quote: 'q' }] }]))).status).toBe(200);
    const refused = await expectUnchanged(() => send(url(`/changes/${made.body.change.id}/revert`), {}));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/'new-bank', which the change created, has 1 relationship made since/);
  });

  test('an unknown change cannot be reverted', async () => {
    const answer = await expectUnchanged(() => send(url('/changes/change-0000/revert'), {}));
    expect(answer.status).toBe(404);
  });
});

describe("Fingraph's own records stay out of the explorer", () => {
  test('after changes, the history is in no schema, search, start view, node or subgraph answer', async () => {
    const made = await post(change([{ op: 'editNode', node: 'icbc', set: { motto: 'Zebra unicorn history' }, expected: { motto: null } }], { comment: 'Zebra unicorn comment' }));
    expect(made.status).toBe(200);
    const schema = (await send<SchemaInfo>(url('/schema'), undefined, {}, 'GET')).body;
    expect(schema.labels.map((label) => label.name)).not.toContain('_FingraphChange');
    const hits = (await send<SearchResult>(url('/search?q=Zebra%20unicorn%20comment'), undefined, {}, 'GET')).body.hits;
    expect(hits.map((hit) => hit.node.labels)).not.toContainEqual(['_FingraphChange']);
    const start = (await send<GraphView>(url('/graph/start?limit=500'), undefined, {}, 'GET')).body;
    expect(start.nodes.filter((node) => node.labels.includes('_FingraphChange'))).toEqual([]);
    const recordId = String((await context.database.runStatement('MATCH (c:_FingraphChange) RETURN elementId(c) AS id')).records[0]?.get('id'));
    expect((await send(url(`/nodes/${recordId}`), undefined, {}, 'GET')).status).toBe(404);
    expect((await send<SubgraphResult>(url('/graph/subgraph'), { ids: [recordId] })).body.missing).toEqual([recordId]);
    const console = await send<{ rows: unknown[] }>(url('/query/schema'), undefined, {}, 'GET');
    expect(JSON.stringify(console.body)).not.toContain('_FingraphChange');
    expect(JSON.stringify(console.body)).not.toContain('_fingraphLock');
  });
});
