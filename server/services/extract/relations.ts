/**
 * The relationships a clause states, read from its masked text (each entity as 〔n〕) by wording:
 * partnerships ("signed a strategic cooperation agreement with", "partnered with", "joined hands
 * with", "teams up with", "ties up with", "a partnership between"), ownership ("X-backed", "a unit
 * of", "its fintech arm", "invests in", "acquired a stake in"), products ("launched", "introduced",
 * "X's … platform"), licences ("was granted a licence by", "received a licence from"), joint
 * ventures, competition, employment, infrastructure and knock-offs. Each rule gives a type of the
 * model, a direction and a confidence. Pure.
 */
import { PRODUCT_HEADS, OWNED_HEADS, ROLE_HEADS, SUBSIDIARY_HEADS } from './lexicon';
import type { MaskedClause } from './clauses';

export interface Statement {
  type: string;
  /** Indexes into the clause's references. */
  from: number;
  to: number;
  confidence: number;
  /** A label each end must take for the statement to hold (a product launched, a person employed). */
  fromLabel?: string;
  toLabel?: string;
}

const E = '〔(\\d+)〕';
/** A list of entities: "A, B and C", "A, along with B and C". */
const LIST = `〔\\d+〕(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*,?\\s*(?:along with|together with|as well as)\\s+)〔\\d+〕)*`;

const ids = (list: string): number[] => [...list.matchAll(/〔(\d+)〕/g)].map((match) => Number(match[1]));

/**
 * The clause without its appositions and relative clauses (", the parent of 〔2〕,", ", which is
 * backed by 〔3〕,"), blanked to spaces so that offsets stay: the subject of a verb is not inside them.
 */
function withoutAsides(masked: string): string {
  return masked.replace(/,\s+(?:(?:the|an?)\s|(?:which|who|whose|that)\b)[^,]*,/giu, (aside) => ' '.repeat(aside.length));
}

/** The list of entities that ends nearest before `offset` (the subject of a verb there). */
function listBefore(masked: string, offset: number): number[] {
  let found: number[] = [];
  for (const match of withoutAsides(masked).matchAll(new RegExp(LIST, 'g'))) {
    const end = (match.index ?? 0) + match[0].length;
    if (end <= offset) found = ids(match[0]);
  }
  return found;
}

/** The first list of entities of the clause before `offset` (its subject, asides left out). */
function firstListBefore(masked: string, offset: number): number[] {
  const first = new RegExp(LIST, 'u').exec(withoutAsides(masked).slice(0, offset));
  return first ? ids(first[0]) : [];
}

/** The list of entities that starts at `offset`, after at most a few words and a colon. */
function listAfter(masked: string, offset: number, clause: MaskedClause): number[] {
  const match = new RegExp(`^(?:\\s*(?:the|an?|its|their)?\\s*(?:[\\p{L}-]+\\s+){0,4}?(?:[\\p{L}-]+:\\s*)?)?(${LIST})(?!['’]s)`, 'u').exec(masked.slice(offset));
  return match?.[1] ? ids(match[1]).filter((object) => clause.references[object] !== undefined) : [];
}

interface CueRule {
  type: string;
  cue: RegExp;
  confidence: number;
  toLabel?: string;
  /** The object is the list right after the cue (default), or every entity after it in the clause. */
  objects?: 'next' | 'rest';
  /** "was acquired by", "is powered by": the passive voice swaps the ends. */
  passive?: boolean;
}

/** A negation between a cue and the subject before it: "denied it would partner with", "has not signed". */
const NEGATED = /\b(?:not|never|no|denied|denies|deny|declined to|refused to|won['’]t|didn['’]t|doesn['’]t|hasn['’]t|haven['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|rejected|ruled out|rules out|without)\b/iu;

/** Whether the text from the last entity before `offset` to `end` (the cue) negates it. */
function negated(masked: string, offset: number, end = offset): boolean {
  const lead = masked.slice(0, offset);
  return NEGATED.test(masked.slice(lead.lastIndexOf('〕') + 1, end));
}

const CUE_RULES: CueRule[] = [
  // Partnerships: subject … cue … object.
  { type: 'PARTNERS_WITH', confidence: 0.9, cue: /\b(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|str(?:uck|ikes?)|reach(?:es|ed)?|seal(?:s|ed)?|enter(?:s|ed)? into|forg(?:e|es|ed|ing)|form(?:s|ed|ing)?|agree(?:s|d|ing)?|announc(?:e|es|ed|ing))\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:agreement|deal|pact|partnership|memorandum(?: of understanding)?|mou|contract|alliance|framework|accord|tie-up)\b[^〔.;]*?\bwith\s+$/iu },
  { type: 'PARTNERS_WITH', confidence: 0.9, cue: /\b(?:partner(?:s|ed|ing)?|sign(?:s|ed|ing)?|team(?:s|ed|ing)? up|ti(?:e|es|ed|ing) up|tying up|join(?:s|ed|ing)? hands|join(?:s|ed|ing)? forces|cooperat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|allied|ally|allies)\s+(?:\w+\s+){0,2}?with\s+$/iu },
  { type: 'PARTNERS_WITH', confidence: 0.7, cue: /\b(?:work(?:s|ed|ing)?|build(?:s|ing)?|built|co-develop(?:s|ed|ing)?|develop(?:s|ed|ing)?|creat(?:e|es|ed|ing)|launch(?:es|ed|ing)?|set(?:s|ting)? up|establish(?:es|ed|ing)?)\b[^〔.;]{0,80}?\bwith\s+$/iu },
  { type: 'PARTNERS_WITH', confidence: 0.6, cue: /\b(?:has|have|had) (?:a |an )?(?:[\p{L}-]+\s+){0,3}?(?:partnerships?|collaborations?|arrangements?|deals?|agreements?)\s+with\s+$/iu },
  // Competition.
  { type: 'COMPETES_WITH', confidence: 0.8, cue: /\b(?:compet(?:e|es|ed|ing)|rival(?:s|led|ling)?|vie|vies|vying|battl(?:e|es|ed|ing)|challeng(?:e|es|ed|ing))\b[^〔.;]{0,80}?\b(?:with|against)\s+$/iu },
  // "Yunshan rivals Xiaoyu", "takes on X".
  { type: 'COMPETES_WITH', confidence: 0.7, cue: /\b(?:rivals|rivalled|rivaled|challenges|challenged|tak(?:es|ing) on|took on)\s+$/iu },
  // Ownership.
  { type: 'OWNS', confidence: 0.7, passive: true, cue: /\b(?:acquir(?:e|es|ed|ing)|bought|buys?|took over|takes over|own(?:s|ed)?|controls?|controlled)\s+$/iu },
  { type: 'OWNS', confidence: 0.6, cue: /\b(?:acquir(?:e|es|ed|ing)|bought|buys?|took|takes?|taking|holds?|held)\s+(?:an?|the)\s+(?:[\p{L}\d%.-]+\s+){0,3}?stake\s+in\s+$/iu },
  { type: 'OWNS', confidence: 0.5, cue: /\b(?:invest(?:s|ed|ing)?|pour(?:s|ed)?)\s+(?:[^〔.;]{0,40}?\s)?in(?:to)?\s+$/iu },
  { type: 'SUBSIDIARY_OF', confidence: 0.85, cue: new RegExp(`,?\\s*(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${SUBSIDIARY_HEADS})\\s+of\\s+$`, 'iu') },
  // Products.
  { type: 'OFFERS', confidence: 0.8, toLabel: 'Product', objects: 'rest', passive: true, cue: /\b(?:launch(?:ed|es|ing)?|(?:the )?launch of|introduc(?:ed|es|ing|e)|unveil(?:ed|s|ing)?|roll(?:ed|s|ing)? out|releas(?:ed|es|ing)|debut(?:ed|s)|develop(?:ed|s)|built|offer(?:s|ed)|runs|operates|includes)\b/iu },
  // Licences.
  { type: 'LICENSED_BY', confidence: 0.85, toLabel: 'Regulator', cue: /\b(?:licen[cs]e[sd]?|permit|approval|authori[sz]ation|charter)\b[^〔.;]{0,60}?\b(?:from|by)\s+$/iu },
  { type: 'LICENSED_BY', confidence: 0.85, toLabel: 'Regulator', cue: /\b(?:licensed|authori[sz]ed|approved|regulated)\s+by\s+$/iu },
  // Infrastructure.
  { type: 'PROVIDES_INFRASTRUCTURE_FOR', confidence: 0.8, toLabel: 'Product', passive: true, cue: /\b(?:infrastructure provider|provid(?:e|es|ed|ing)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?infrastructure|powers|powered)\s+(?:for|to)?\s*$/iu },
];

/** The statements of one clause. */
export function readStatements(clause: MaskedClause): Statement[] {
  const masked = clause.masked;
  const statements: Statement[] = [];
  const add = (statement: Statement): void => {
    if (statement.from !== statement.to) statements.push(statement);
  };

  // Cue rules: for each place a cue ends, its subject before and its object after.
  for (const rule of CUE_RULES) {
    const anchored = rule.cue.source.endsWith('$');
    if (anchored) {
      // The cue ends at white space: "buy" in "buy-now-pay-later" is no cue.
      const cue = new RegExp(rule.cue.source.replace(/\\s\+\$$/, '(?=\\s)').replace(/\\s\*\$$|\$$/, ''), 'giu');
      for (const match of masked.matchAll(cue)) {
        const end = (match.index ?? 0) + match[0].length;
        if (negated(masked, match.index ?? 0, end)) continue;
        const objects = listAfter(masked, end, clause);
        const subjects = listBefore(masked, match.index ?? 0);
        const swap = rule.passive === true && /^\s*by\s/u.test(masked.slice(end));
        for (const subject of subjects) for (const object of objects) add({ type: rule.type, from: swap ? object : subject, to: swap ? subject : object, confidence: rule.confidence, toLabel: swap ? undefined : rule.toLabel, fromLabel: swap ? rule.toLabel : undefined });
      }
    } else {
      const cue = new RegExp(rule.cue.source, 'giu');
      for (const match of masked.matchAll(cue)) {
        if (negated(masked, match.index ?? 0)) continue;
        const end = (match.index ?? 0) + match[0].length;
        // "was built by Bytewave": the one after "by" offers the subject.
        const by = rule.passive === true ? new RegExp(`^\\s+(?:\\w+\\s+)?by\\s+${E}`, 'u').exec(masked.slice(end)) : null;
        if (by) {
          for (const product of listBefore(masked, match.index ?? 0).slice(-1)) add({ type: rule.type, from: Number(by[1]), to: product, confidence: rule.confidence, toLabel: rule.toLabel });
          continue;
        }
        // "A joined hands with B to launch C": A launched it.
        const lead = masked.slice(0, match.index ?? 0);
        const partnered = /\bwith\s+〔\d+〕(?:\s*(?:,|and)\s*〔\d+〕)*\s+(?:to|in order to)\s+$/u.exec(lead);
        const subjects = listBefore(masked, partnered ? partnered.index : (match.index ?? 0));
        // What was launched: the entities after the verb up to a preposition that brings in partners
        // or places ("launched Mox Bank with PCCW and HKT").
        const rest = masked.slice((match.index ?? 0) + match[0].length).split(/\b(?:with|from|by|against|between|through|via|alongside|together with|in partnership with)\s/iu)[0] ?? '';
        const objects = ids(
          rest
            .replace(/\b(?:an?|the)\s+(?:[\p{L}-]+\s+)?(?:knock-?off|clone|copy|imitation|version|rip-?off)s?\s+of\s+〔\d+〕/giu, '')
            .replace(/〔\d+〕\s+(?:knock-?off|clone|copycat|imitation|rip-?off)/giu, '')
            .replace(/〔\d+〕['’]s/gu, ''),
        ).filter((object) => !clause.references[object]?.anaphor);
        // "A and B launched C": each of a list right before the verb; else the nearest subject.
        const together = /(?:〔\d+〕(?:\s*,\s*|\s+and\s+))+〔\d+〕\s+(?:[a-z]+ly\s+|also\s+|jointly\s+|together\s+|have\s+|has\s+)*$/u.test(lead) && !partnered;
        for (const subject of together ? subjects : subjects.slice(-1)) for (const object of objects) add({ type: rule.type, from: subject, to: object, confidence: rule.confidence, toLabel: rule.toLabel });
        // …and those who launch something together work together.
        if (together && objects.length > 0) for (let a = 0; a < subjects.length; a += 1) for (let b = a + 1; b < subjects.length; b += 1) add({ type: 'PARTNERS_WITH', from: subjects[a] ?? 0, to: subjects[b] ?? 0, confidence: 0.6 });
      }
    }
  }

  // "A partnership between A and B".
  for (const match of masked.matchAll(new RegExp(`\\b(?:partnership|alliance|collaboration|cooperation|deal|agreement|tie-up)\\s+(?:\\w+\\s+){0,2}?between\\s+${E}\\s+and\\s+${E}`, 'giu'))) {
    add({ type: 'PARTNERS_WITH', from: Number(match[1]), to: Number(match[2]), confidence: 0.85 });
  }
  // "A and B … partnered / signed an agreement / are jostling".
  for (const match of masked.matchAll(new RegExp(`(${LIST})(?:,[^,]*?,)?\\s+(?:\\w+\\s+){0,2}?(partner(?:ed)?|teamed up|tied up|joined hands|signed|(?:will\\s+|would\\s+|plan\\s+to\\s+)?(?:jointly|together)\\s+(?:develop|build|launch|offer|run|create|operate|set up|invest)|are jostling|are competing|compete|competed|are vying|vie|are rivals|rival)\\b`, 'giu'))) {
    const list = ids(match[1] ?? '');
    if (NEGATED.test(match[0].slice((match[1] ?? '').length))) continue;
    const type = /jostl|compet|vy|vie|rival/i.test(match[2] ?? '') ? 'COMPETES_WITH' : 'PARTNERS_WITH';
    for (let a = 0; a < list.length; a += 1) for (let b = a + 1; b < list.length; b += 1) add({ type, from: list[a] ?? 0, to: list[b] ?? 0, confidence: 0.7 });
  }
  // "A's peers, B and C" / "A's rivals B and C".
  for (const match of masked.matchAll(new RegExp(`${E}['’]s\\s+(?:\\w+\\s+){0,2}?(?:peers|rivals?|competitors?)\\s*,?\\s*(${LIST})`, 'giu'))) {
    for (const other of ids(match[2] ?? '')) add({ type: 'COMPETES_WITH', from: Number(match[1]), to: other, confidence: 0.8 });
  }
  // "X, the parent of Y"; "X, which is backed by Y and Z".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:the|an?)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:parent|owner|holding company)\\s+(?:company\\s+)?of\\s+${E}`, 'giu'))) {
    add({ type: 'OWNS', from: Number(match[1]), to: Number(match[2]), confidence: 0.8 });
  }
  for (const match of masked.matchAll(new RegExp(`${E},?\\s+(?:(?:which|that|who)\\s+)?(?:is|was|are|were|has been|have been)?\\s*(?:backed|owned|controlled|acquired)\\s+by\\s+(${LIST})`, 'giu'))) {
    for (const owner of ids(match[2] ?? '')) add({ type: 'OWNS', from: owner, to: Number(match[1]), confidence: 0.7 });
  }
  // "X-backed Y".
  for (const match of masked.matchAll(new RegExp(`${E}-(?:backed|owned|controlled)\\s+(?:[\\p{L}-]+\\s+){0,3}?${E}`, 'giu'))) {
    add({ type: 'OWNS', from: Number(match[1]), to: Number(match[2]), confidence: 0.7 });
  }
  // "its fintech arm X", "Y's unit X" / "the company's virtual bank, X".
  for (const match of masked.matchAll(new RegExp(`${E}(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+){0,2}?(${SUBSIDIARY_HEADS}|${OWNED_HEADS}|${PRODUCT_HEADS})\\s*,?\\s*${E}`, 'giu'))) {
    const owner = Number(match[1]);
    const owned = Number(match[3]);
    const head = (match[2] ?? '').toLowerCase();
    if (new RegExp(`^(?:${SUBSIDIARY_HEADS})$`).test(head)) add({ type: 'SUBSIDIARY_OF', from: owned, to: owner, confidence: 0.8 });
    else if (new RegExp(`^(?:${OWNED_HEADS})$`).test(head)) add({ type: 'OWNS', from: owner, to: owned, confidence: 0.75 });
    else add({ type: 'OFFERS', from: owner, to: owned, confidence: 0.75, toLabel: 'Product' });
  }
  // "X, Y's technology arm", "X, Y's virtual bank", "X, Y's payment app".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+${E}['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}?(${SUBSIDIARY_HEADS}|${OWNED_HEADS}|${PRODUCT_HEADS})\\b`, 'giu'))) {
    const named = Number(match[1]);
    const owner = Number(match[2]);
    const head = (match[3] ?? '').toLowerCase();
    if (new RegExp(`^(?:${SUBSIDIARY_HEADS})$`).test(head)) add({ type: 'SUBSIDIARY_OF', from: named, to: owner, confidence: 0.8 });
    else if (new RegExp(`^(?:${OWNED_HEADS})$`).test(head)) add({ type: 'OWNS', from: owner, to: named, confidence: 0.75 });
    else add({ type: 'OFFERS', from: owner, to: named, confidence: 0.75, toLabel: 'Product' });
  }
  // "Y's X platforms", "Y's unnamed product".
  for (const match of masked.matchAll(new RegExp(`${E}['’]s\\s+${E}(\\s+(?:${PRODUCT_HEADS}))?`, 'giu'))) {
    add({ type: 'OFFERS', from: Number(match[1]), to: Number(match[2]), confidence: match[3] ? 0.75 : 0.55, toLabel: 'Product' });
  }
  // "X, the mobile payment tool of Y".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:the|an?)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${PRODUCT_HEADS})\\s+(?:of|from|by)\\s+${E}`, 'giu'))) {
    add({ type: 'OFFERS', from: Number(match[2]), to: Number(match[1]), confidence: 0.8, toLabel: 'Product' });
  }
  // "sales of X through Y": Y distributes X.
  for (const match of masked.matchAll(new RegExp(`\\b(?:sales?\\s+of|sell(?:s|ing)?|distribut(?:e|es|ed|ing|ion of))\\s+(?:〔\\d+〕['’]s\\s+)?${E}\\s+(?:through|via|on)\\s+${E}`, 'giu'))) {
    add({ type: 'DISTRIBUTES', from: Number(match[2]), to: Number(match[1]), confidence: 0.75, fromLabel: 'Product', toLabel: 'Product' });
  }
  // "X, a senior analyst at Y", "X, head of research at Y".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:(?:an?|the)\\s+)?(?:[\\p{L}-]+\\s+){0,4}?(?:${ROLE_HEADS})\\s+(?:(?:of|for)\\s+(?:[\\p{L}-]+\\s+){1,3}?)?(?:at|of|with|for|from)\\s+(?:[\\p{L}-]+\\s+){0,2}?${E}`, 'giu'))) {
    add({ type: 'WORKS_FOR', from: Number(match[1]), to: Number(match[2]), confidence: 0.85, fromLabel: 'Person' });
  }
  // "a Cryptokitties knock-off, Jiamitu", "Jiamitu, a knock-off of Cryptokitties".
  for (const match of masked.matchAll(new RegExp(`${E}\\s+(?:knock-?off|clone|copycat|imitation|rip-?off)s?\\s*,?\\s*${E}`, 'giu'))) {
    add({ type: 'IMITATES', from: Number(match[2]), to: Number(match[1]), confidence: 0.8, fromLabel: 'Product', toLabel: 'Product' });
  }
  for (const match of masked.matchAll(new RegExp(`${E},?\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:knock-?off|clone|copy|imitation|rip-?off|version)\\s+of\\s+${E}`, 'giu'))) {
    add({ type: 'IMITATES', from: Number(match[1]), to: Number(match[2]), confidence: 0.75, fromLabel: 'Product', toLabel: 'Product' });
  }
  // Joint ventures: "set up a joint venture, Z" / "a joint venture … called Z" / "Z, a joint venture of A and B".
  const venture = /\bjoint[ -]venture\b/iu.exec(masked);
  if (venture) {
    const after = masked.slice(venture.index + venture[0].length);
    const named = new RegExp(`^(?:\\s*(?:with|between)\\s+${LIST}\\s*,?)?(?:[^〔.;]*?(?:called|named|dubbed|known as)\\s+|\\s*(?:[^〔.;]{0,40}?)?,\\s*|\\s+)${E}`, 'u').exec(after);
    const owners = listBefore(masked, venture.index);
    const partners = ids(/^\s*(?:with|between)\s+([^.;]*?)(?:,|called|named|$)/u.exec(after)?.[1] ?? '');
    if (named) {
      const jv = Number(named[1]);
      for (const owner of [...owners, ...partners.filter((partner) => partner !== jv)]) add({ type: 'SET_UP_JOINT_VENTURE', from: owner, to: jv, confidence: 0.8, toLabel: 'Company' });
    }
    // "Z, a joint venture of A and the e-commerce group B": a description before a name is left out.
    const plain = masked.replace(/\b(?:the|an?)\s+(?:[\p{L}-]+\s+){0,2}?(?:group|company|firm|giant|bank|lender|insurer|startup|conglomerate)\s+(〔\d+〕)/giu, '$1');
    const before = new RegExp(`${E},?\\s+(?:(?:is|was|will be)\\s+)?(?:an?|the)\\s+(?:[\\p{L}\\d$.-]+\\s+){0,3}?joint[ -]venture\\s+(?:of|between|by)\\s+(${LIST})`, 'u').exec(plain);
    if (before) for (const owner of ids(before[2] ?? '')) add({ type: 'SET_UP_JOINT_VENTURE', from: owner, to: Number(before[1]), confidence: 0.8, toLabel: 'Company' });
  }
  // "X, a payments company backed by Y", "X, a Y-backed operator".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:backed|owned|controlled|funded)\\s+by\\s+(${LIST})`, 'giu'))) {
    for (const owner of ids(match[2] ?? '')) add({ type: 'OWNS', from: owner, to: Number(match[1]), confidence: 0.7 });
  }
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:an?|the)\\s+${E}-(?:backed|owned|controlled|funded)\\b`, 'giu'))) {
    add({ type: 'OWNS', from: Number(match[2]), to: Number(match[1]), confidence: 0.7 });
  }
  // "its stake in Y", "X's 18% stake in Y", "X owns about 18% of Y".
  const share = `(?:(?:about|nearly|around|roughly|almost|over|some|more than|less than)\\s+)?\\d+(?:\\.\\d+)?\\s*(?:%|per ?cent|percent)`;
  for (const match of masked.matchAll(new RegExp(`${E}(?:['’]s)?\\s+(?:${share}\\s+)?(?:[\\p{L}-]+\\s+)?stake\\s+(?:in|of)\\s+${E}`, 'giu'))) {
    add({ type: 'OWNS', from: Number(match[1]), to: Number(match[2]), confidence: 0.6 });
  }
  for (const match of masked.matchAll(new RegExp(`${E}\\s+(?:owns|holds|controls|owned|held|controlled)\\s+${share}\\s+(?:stake\\s+)?(?:of|in)\\s+${E}`, 'giu'))) {
    if (!negated(masked, match.index ?? 0)) add({ type: 'OWNS', from: Number(match[1]), to: Number(match[2]), confidence: 0.7 });
  }
  // "Its investors include A and B".
  for (const match of masked.matchAll(new RegExp(`${E}(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:investors|backers|shareholders|owners)\\s+(?:also\\s+)?(?:include|includes|included|are|were)\\s+(${LIST})`, 'giu'))) {
    for (const owner of ids(match[2] ?? '')) add({ type: 'OWNS', from: owner, to: Number(match[1]), confidence: 0.6 });
  }
  // "rolled out Z in partnership with B": the subject partners with B.
  for (const match of masked.matchAll(new RegExp(`\\b(?:in (?:partnership|collaboration|cooperation|alliance|a tie-up) with|jointly with)\\s+(${LIST})`, 'giu'))) {
    if (negated(masked, match.index ?? 0)) continue;
    for (const subject of firstListBefore(masked, match.index ?? 0)) for (const partner of ids(match[1] ?? '')) add({ type: 'PARTNERS_WITH', from: subject, to: partner, confidence: 0.75 });
  }
  // "X, one of Y's competitors".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+one of\\s+${E}['’]s\\s+(?:[\\p{L}-]+\\s+)?(?:competitors|rivals)\\b`, 'giu'))) {
    add({ type: 'COMPETES_WITH', from: Number(match[1]), to: Number(match[2]), confidence: 0.75 });
  }
  // "X, Y's chief economist", "X, the bank's chief information officer".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+${E}['’]s\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${ROLE_HEADS})\\b`, 'giu'))) {
    add({ type: 'WORKS_FOR', from: Number(match[1]), to: Number(match[2]), confidence: 0.8, fromLabel: 'Person' });
  }
  // "Z, a cargo insurance product sold through Y's trade-finance portal, W": W distributes Z.
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:sold|distributed|offered|available)\\s+(?:through|via|on)\\s+(?:〔\\d+〕['’]s\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${PRODUCT_HEADS})\\s*,\\s*)?${E}`, 'giu'))) {
    add({ type: 'DISTRIBUTES', from: Number(match[2]), to: Number(match[1]), confidence: 0.7, fromLabel: 'Product', toLabel: 'Product' });
  }
  // "X, a rival of Y".
  for (const match of masked.matchAll(new RegExp(`${E},\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:rival|competitor)\\s+(?:of|to)\\s+${E}`, 'giu'))) {
    add({ type: 'COMPETES_WITH', from: Number(match[1]), to: Number(match[2]), confidence: 0.75 });
  }
  // Licences the other way round: "a licence was granted to X by Y", "Y granted X a licence", "Y issued a licence to X".
  for (const match of masked.matchAll(new RegExp(`\\blicen[cs]es?\\b[^〔.;]{0,40}?\\b(?:granted|issued|awarded|given)\\s+to\\s+(?:the\\s+)?(${LIST})\\s+by\\s+(?:the\\s+)?${E}`, 'giu'))) {
    for (const holder of ids(match[1] ?? '')) add({ type: 'LICENSED_BY', from: holder, to: Number(match[2]), confidence: 0.85, toLabel: 'Regulator' });
  }
  for (const match of masked.matchAll(new RegExp(`${E}\\s+(?:has\\s+|had\\s+)?(?:granted|issued|awarded|gave)\\s+(?:(${LIST})\\s+(?:an?|its|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?licen[cs]es?\\b|(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?licen[cs]es?\\s+to\\s+(${LIST}))`, 'giu'))) {
    if (negated(masked, match.index ?? 0)) continue;
    for (const holder of ids(match[2] ?? match[3] ?? '')) add({ type: 'LICENSED_BY', from: holder, to: Number(match[1]), confidence: 0.8, toLabel: 'Regulator' });
  }
  // A byline: "Analyst: Chen Rui, Meridian Securities", "By Mary Tan, Zenbank".
  const byline = new RegExp(`^(?:By|Analysts?|Authors?|Reporter|Written by)\\s*:?\\s+${E},\\s+${E}\\s*$`, 'u').exec(masked);
  if (byline) add({ type: 'WORKS_FOR', from: Number(byline[1]), to: Number(byline[2]), confidence: 0.6, fromLabel: 'Person' });
  // "X is a unit of Y", "X, a unit of Y" handled by the cue rule; "according to X" names a source, not a fact.
  return statements;
}
