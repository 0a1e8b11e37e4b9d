/**
 * Extraction on made-up sentences (never the source articles): each wording the rules cover, labels,
 * names the graph knows, mentions' offsets, and HTML reduced to its text.
 */
import { loadModel } from '../../server/seed';
import { extractCandidates, htmlToText, type Extraction, type KnownEntity } from '../../server/services/extract';

const model = loadModel();

/** The relationships of `text` as "From TYPE To" lines, by entity name. */
function facts(text: string, known: KnownEntity[] = []): string[] {
  const result: Extraction = extractCandidates(text, known, model);
  const name = (key: string): string => result.entities.find((entity) => entity.key === key)?.name ?? `?${key}`;
  return result.relationships.map((relationship) => `${name(relationship.from)} ${relationship.type} ${name(relationship.to)}`).sort();
}

function labels(text: string): Record<string, string> {
  return Object.fromEntries(extractCandidates(text, [], model).entities.map((entity) => [entity.name, entity.label]));
}

describe('wordings', () => {
  test.each([
    ['Grab signed a strategic cooperation agreement with DBS Bank on Tuesday.', ['Grab PARTNERS_WITH DBS Bank']],
    ['Zalora partnered with Maybank to offer instalment payments.', ['Zalora PARTNERS_WITH Maybank']],
    ['Meituan joined hands with Bank of Ningbo in consumer credit.', ['Meituan PARTNERS_WITH Bank of Ningbo']],
    ['Paytm teams up with Citibank for a co-branded card.', ['Paytm PARTNERS_WITH Citibank']],
    ['Rakuten ties up with Mizuho Financial Group on digital banking.', ['Rakuten PARTNERS_WITH Mizuho Financial Group']],
    ['The deal marks a partnership between Nubank and Visa.', ['Nubank PARTNERS_WITH Visa']],
  ])('partnership: %s', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  test('"X-backed Y": X owns Y', () => {
    expect(facts('Alibaba-backed Paytm raised new funds.')).toEqual(['Alibaba OWNS Paytm']);
  });

  test('"X, a unit of Y": X is a subsidiary of Y', () => {
    expect(facts('Lufax, a unit of Ping An Insurance Group, filed for a listing.')).toEqual(['Lufax SUBSIDIARY_OF Ping An Insurance Group']);
  });

  test('"its fintech arm X": X is a subsidiary of what the text is about', () => {
    expect(facts('Rakuten Group reported strong results. Its fintech arm Rakuten Card grew fastest.')).toEqual(['Rakuten Card SUBSIDIARY_OF Rakuten Group']);
  });

  test('"invests in" and "acquired a stake in": ownership', () => {
    expect(facts('SoftBank invests in Zestmoney. Tencent acquired a stake in Nubank last year.')).toEqual(['SoftBank OWNS Zestmoney', 'Tencent OWNS Nubank']);
  });

  test('"launched": the company offers the product, named or described', () => {
    expect(facts('Zorvex Group launched Zorvex Pay, a mobile payment app.')).toEqual(['Zorvex Group OFFERS Zorvex Pay']);
    expect(facts('Orbix Holdings has introduced a blockchain-based payroll system.')).toEqual(['Orbix Holdings OFFERS Orbix Holdings blockchain-based payroll system']);
  });

  test('"was granted a licence by": licensed by the regulator', () => {
    expect(facts('Airstar was granted a licence by the Hong Kong Monetary Authority in 2019.')).toEqual(['Airstar LICENSED_BY Hong Kong Monetary Authority']);
    expect(facts('Kravo, along with Mintly, received a license from the Singapore authority.')).toEqual(['Kravo LICENSED_BY Singapore authority', 'Mintly LICENSED_BY Singapore authority']);
  });

  test('"set up a joint venture": each founder set up the venture', () => {
    expect(facts('Foxconn and Pinewood set up a joint venture, Nexo Mobility Ltd, in Shanghai.')).toEqual(['Foxconn SET_UP_JOINT_VENTURE Nexo Mobility Ltd', 'Pinewood SET_UP_JOINT_VENTURE Nexo Mobility Ltd']);
  });

  test('competition is symmetric, and a person works for the organisation', () => {
    expect(facts('Grab competes with Gojek in ride-hailing.')).toEqual(['Grab COMPETES_WITH Gojek']);
    expect(facts('Mary Tan, a senior economist at Zenbank, said rates would fall.')).toEqual(['Mary Tan WORKS_FOR Zenbank']);
  });

  test('a pronoun or a description refers to the company the text is about', () => {
    expect(facts('Orbix Holdings grew fast last year. The company partnered with Zenbank in March.')).toEqual(['Orbix Holdings PARTNERS_WITH Zenbank']);
    expect(facts('Orbix Holdings grew fast last year. It is working with Zenbank on loans.')).toEqual(['Orbix Holdings PARTNERS_WITH Zenbank']);
  });

  test('an abbreviation in a name does not end the sentence: "Group Inc. acquired" (was split there)', () => {
    expect(facts('Goldman Sachs Group Inc. acquired Zentro Inc. for $2 billion.')).toEqual(['Goldman Sachs Group Inc. OWNS Zentro Inc.']);
  });

  test('what was launched stops at the partners: "launched Mox Bank with PCCW and HKT" (PCCW was taken for a product)', () => {
    expect(facts('Standard Chartered Plc launched Zorvex Pay, a wallet app, with PCCW and Kravo.')).toEqual(['Standard Chartered Plc OFFERS Zorvex Pay']);
  });

  test('the subject of a verb is not inside an apposition or a relative clause', () => {
    expect(facts('Sea Ltd, the parent of Shopee, won a licence from the Monetary Authority of Singapore.')).toEqual([
      'Sea Ltd LICENSED_BY Monetary Authority of Singapore',
      'Sea Ltd OWNS Shopee',
    ]);
    expect(facts('WeLab, which is backed by Orbix Capital, joined hands with Zenbank.')).toEqual(['Orbix Capital OWNS WeLab', 'WeLab PARTNERS_WITH Zenbank']);
  });

  test('a description right after a name is an apposition, not a pronoun for the topic', () => {
    expect(facts('Revolut launched Revolut Business. Visa invests in Flutterwave, the Singapore-based payments startup.')).toEqual(['Revolut OFFERS Revolut Business', 'Visa OWNS Flutterwave']);
  });

  test('"X, Y\'s technology arm": X is a subsidiary of Y', () => {
    expect(facts('OneConnect, Ping An\'s technology arm, listed in New York.')).toEqual(['OneConnect SUBSIDIARY_OF Ping An']);
  });

  test('a sentence that states no relationship gives none', () => {
    expect(facts('Grab and Zenbank both reported results on Monday.')).toEqual([]);
  });
});

describe('entities', () => {
  test('labels come from the name and its context: Bank, Regulator, Product, Person, Company', () => {
    expect(labels('Zenbank Bank Ltd met the Financial Conduct Authority. Mary Tan, an analyst at Orbix Group, praised Zorvex Pay, a payment app.')).toEqual({
      'Zenbank Bank Ltd': 'Bank',
      'Financial Conduct Authority': 'Regulator',
      'Mary Tan': 'Person',
      'Orbix Group': 'Company',
      'Zorvex Pay': 'Product',
    });
  });

  test('a short form, a legal form and initials are one entity with aliases', () => {
    const { entities } = extractCandidates('Zenith Commercial Bank Corp (ZCBC) grew. Zenith Commercial Bank said ZCBC would expand.', [], model);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Zenith Commercial Bank Corp', label: 'Bank' });
    expect(entities[0]?.aliases.sort()).toEqual(['ZCBC', 'Zenith Commercial Bank']);
  });

  test('mentions are [start, end) offsets into the text', () => {
    const text = 'Yesterday Orbix Group partnered with Zenbank.';
    const { entities } = extractCandidates(text, [], model);
    for (const entity of entities) for (const [start, end] of entity.mentions) expect([entity.name, ...entity.aliases]).toContain(text.slice(start, end));
    expect(entities.map((entity) => entity.name)).toEqual(['Orbix Group', 'Zenbank']);
  });

  test('"Huawei" is "Huawei Technologies"; "China Banking and Insurance Regulatory Commission" is one name; "Alibaba and Tencent Holdings" two', () => {
    expect(extractCandidates('Huawei Technologies grew. Huawei said so.', [], model).entities.map((entity) => [entity.name, entity.aliases])).toEqual([['Huawei Technologies', ['Huawei']]]);
    expect(labels('Zenpay was granted a licence by the China Banking and Insurance Regulatory Commission.')).toEqual({ Zenpay: 'Company', 'China Banking and Insurance Regulatory Commission': 'Regulator' });
    expect(Object.keys(labels('We met Alibaba and Tencent Holdings.'))).toEqual(['Alibaba', 'Tencent Holdings']);
  });

  test('common subjects and terms are not entities: "Shares of X", "Investors", "5G"', () => {
    expect(Object.keys(labels('Shares of Zenbank rose. Investors cheered the 5G rollout.'))).toEqual(['Zenbank']);
  });

  test('sentence-initial words, places, months and nationalities are not entities', () => {
    const { entities } = extractCandidates('Earlier this week, Chinese lender Zenbank opened in Singapore. Meanwhile, in March, deposits grew. Social media noticed.', [], model);
    expect(entities.map((entity) => entity.name)).toEqual(['Zenbank']);
  });

  test('names the graph knows come first, by name or alias, with their id and label', () => {
    const known: KnownEntity[] = [{ id: 'node-1', name: 'Orbix Holdings Ltd', label: 'Company', aliases: ['Orbix'] }];
    const { entities } = extractCandidates('Orbix partnered with Zenbank.', known, model);
    expect(entities.find((entity) => entity.existingId === 'node-1')).toMatchObject({ key: 'node-1', name: 'Orbix Holdings Ltd', mentions: [[0, 5]] });
  });

  test('a type joins only the labels the model allows: a product does not partner', () => {
    expect(facts('Zorvex Pay, a payment app, partnered with Zenbank.')).toEqual([]);
  });
});

describe('HTML reduced to text', () => {
  test('scripts, styles and handlers are dropped, entities decoded, blocks on lines of their own', () => {
    const html = '<!doctype html><html><head><title>T</title><script>alert(1)</script></head><body><h1>News</h1><p onclick="steal()">Grab &amp; Gojek <b>merge</b>.</p><style>p{}</style><ul><li>One</li><li>Two</li></ul><noscript>enable js</noscript></body></html>';
    expect(htmlToText(html)).toBe('News\nGrab & Gojek merge.\nOne\nTwo');
  });

  test('broken and hostile markup still gives only text', () => {
    expect(htmlToText('<p>Zenbank <img src=x onerror=alert(1)> grew<script>evil()')).toBe('Zenbank grew');
    expect(htmlToText('<svg><script>alert(1)</script></svg><iframe src="x">frame</iframe>Safe text')).toBe('Safe text');
  });
});
