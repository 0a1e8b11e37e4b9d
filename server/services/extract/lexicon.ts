/**
 * The word lists the rules read: what ends an organisation's name, what a capitalised word that is not
 * a name looks like, the places the model has no label for, the nouns that name a product, a role, a
 * regulator. General English and business vocabulary; nothing here names an entity of any article.
 */

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Words that end a company's legal name; a name without them is the same entity ("Baidu" and "Baidu Inc"). */
export const CORPORATE_SUFFIXES = words(`Ltd Ltd. Limited Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Plc PLC plc LLC Llc Bhd Bhd. AG SA S.A. NV N.V. GmbH
  Holdings Holding Group Grp .com Pte Pte. Pty Pty. Sdn Sdn. Tbk Tbk. KK K.K. SpA S.p.A. BV B.V. AB ASA Oyj SE`);

/** Words of an industry that a company's short name leaves out: "Qiantu Internet" is "Qiantu", "Taikang Life Insurance" "Taikang". */
export const INDUSTRY_NAME_WORDS = words(`Internet Insurance Life Securities Telecom Telecommunications Financial Finance Capital Payments Pay Technologies Technology Tech
  Digital Online Network Networks Software Electronics Media`);

/** Words that add nothing to a company's name: "Huawei Technologies" is "Huawei". */
export const GENERIC_NAME_WORDS = words(`Technologies Technology International Corporation Company Incorporated Limited Holdings Group`);

/** Words that make a name an organisation when they end it (or come before a suffix). */
export const COMPANY_WORDS = words(`Group Holdings Holding Technologies Technology Tech Financial Finance Capital Securities Insurance Ventures Partners Labs
  Systems Services Solutions Networks Industries Industry Development Enterprises Electronics Media Software Payments Investments Consulting Research`);

/** Words in a name that make it a regulator. */
export const REGULATOR_WORDS = words(`Authority Commission Regulator Ministry Administration Agency Bureau Council Supervisory Reserve Regulatory`);

/** Capitalised words that start sentences, headings or quotes but are not names. */
export const FUNCTION_WORDS = words(`The A An In On At For By With From To Of And But Or Nor So Also As Its It This That These Those Their His Her Our We They He She I You
  All Some Most Many Much More Prior Early Earlier Later Meanwhile While Whereas However Since After Before During Recently Today Yesterday Tomorrow
  Last Next According Under Over Into Through Such Both Each Every Other Another Then Now Here There When Where What Which Who Whom Whose Why How
  If Unless Although Though Because Despite Instead Besides Further Furthermore Moreover Still Yet Already Just Only Even Indeed Overall Finally
  First Second Third Not No Yes Please Read Share Start Click Subscribe Sign Follow Photo Image Video Source Sources Update Updated Editor Editing Note
  Shares Investors Analysts Officials Regulators Customers Users Reporters Executives Critics Observers Experts Traders Consumers Merchants
  Separately Additionally Elsewhere Notably Similarly Currently Previously Initially Ultimately Likewise Nevertheless Otherwise Hence Thus Therefore
  Mr Mrs Ms Dr Prof Chief Senior Vice About One Two Three Four Five Six Seven Eight Nine Ten`);

/** Nouns that end a place's name: "Pearl River Delta", "Guangdong Province". */
export const PLACE_HEADS = words(`Delta Province Region District Prefecture County Municipality Island Islands Peninsula Valley Coast Bay Sea River Mountains`);

/** Regional and institutional words that start a regulator's or a central bank's name ("National Financial Regulatory Administration"). */
export const INSTITUTIONAL_WORDS = words(`National Federal State European Asian International Central`);

/** Names of central banks, which regulate rather than lend: "People's Bank of China", "Reserve Bank of India". */
export const CENTRAL_BANK = /\b(?:Central Bank|Reserve Bank|People['’]s Bank|Federal Reserve|Swiss National Bank)\b/;

/** Nationality and regional adjectives: capitalised, never an entity on their own. */
export const DEMONYMS = words(`Chinese American British English Japanese Korean Indian European Asian African German French Italian Spanish Russian
  Canadian Australian Singaporean Malaysian Indonesian Thai Vietnamese Filipino Taiwanese Swiss Dutch Swedish Brazilian Mexican Arab Western Eastern
  Southern Northern Southeast Global International National Local Federal State Hongkonger Greek Nigerian Kenyan Polish Irish Scottish Turkish
  Israeli Emirati Saudi Egyptian Pakistani Bangladeshi Argentine Chilean Colombian Peruvian Portuguese Belgian Austrian Danish Norwegian Finnish Czech
  Hungarian Romanian Ukrainian South Latin Nordic Scandinavian Continental`);

export const MONTHS_AND_DAYS = words(`January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
  Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday`);

/** Places: the model has no label for them, so they are never candidates. */
export const PLACES = new Set(
  `China|Hong Kong|Macau|Macao|Taiwan|Beijing|Shanghai|Shenzhen|Guangzhou|Chongqing|Hangzhou|Chengdu|Wuhan|Tianjin|Nanjing|Xiamen|Suzhou|Asia|Europe|Africa|America|
  United States|US|U.S.|USA|UK|U.K.|United Kingdom|Britain|England|London|New York|Washington|Silicon Valley|San Francisco|California|Japan|Tokyo|Korea|South Korea|Seoul|
  India|Mumbai|Singapore|Malaysia|Kuala Lumpur|Indonesia|Jakarta|Thailand|Bangkok|Vietnam|Philippines|Manila|Australia|Sydney|Canada|Toronto|Germany|Berlin|Frankfurt|France|
  Paris|Italy|Spain|Russia|Brazil|Mexico|Dubai|UAE|Saudi Arabia|Switzerland|Zurich|Geneva|Netherlands|Amsterdam|Sweden|Israel|Turkey|Nigeria|Kenya|Egypt|Mainland|Mainland China|
  Greater Bay Area|Southeast Asia|Middle East|Latin America|Hong King|Lagos|Nairobi|Cairo|Johannesburg|Cape Town|São Paulo|Sao Paulo|Rio de Janeiro|
  Buenos Aires|Hanoi|Ho Chi Minh City|Istanbul|Madrid|Barcelona|Dublin|Stockholm|Oslo|Copenhagen|Helsinki|Vienna|Brussels|Luxembourg|Lisbon|Milan|Munich|
  Warsaw|Prague|Moscow|Kyiv|Tel Aviv|Abu Dhabi|Riyadh|Doha|Karachi|Delhi|New Delhi|Bangalore|Bengaluru|Osaka|Taipei|Busan|Macquarie Park|Melbourne|
  Chicago|Boston|Los Angeles|Seattle|Texas|Florida|Europe|Asia Pacific|Pakistan|Bangladesh|Sri Lanka|Nepal|Greece|Poland|Ireland|Scotland|Wales|Portugal|
  Belgium|Austria|Denmark|Norway|Finland|Argentina|Chile|Colombia|Peru|Ukraine|Qatar|Bahrain|Kuwait|Oman|Jordan|Lebanon|Morocco|Ghana|Ethiopia|Tanzania|
  Uganda|Rwanda|South Africa|New Zealand|Cambodia|Myanmar|Laos|Mongolia|Kazakhstan|Uzbekistan`
    .split('|')
    .map((place) => place.trim()),
);

/** Capitalised words that are common abbreviations or terms, not names. */
export const NOT_NAMES = words(`2G 3G 4G 5G 6G AI IT API APIs CEO CFO CTO COO IPO GDP VR AR IoT P2P B2B B2C B2G O2O 2C 2B SME SMEs KYC AML FAQ PDF Q1 Q2 Q3 Q4 OK TV PC
  Internet Web Fintech FinTech Blockchain Cloud Big Data Bitcoin Ethereum Brief Newsletter Debrief Daily Story News
  QR NFC SMS ATM ATMs POS BNPL ESG SaaS eKYC OTP PIN RMB USD HKD`);

/** Nouns that name a product or platform at the end of a noun phrase ("an invoicing system"). */
export const PRODUCT_HEADS = `products?|platforms?|system|network|app|apps|application|service|services|tool|wallet|fund|card|game|chain|exchange|marketplace|browser|assistant|token|coin|stablecoin|currency|ledger|portal|gateway|super-app`;

/** Nouns that say an entity is a subsidiary of another ("its fintech arm"). */
export const SUBSIDIARY_HEADS = `arm|unit|subsidiary|division|affiliate|branch|offshoot|spin-off|spinoff`;

/** Nouns that say an entity is owned by another without being an arm ("the company's virtual bank"). */
export const OWNED_HEADS = `bank|company|business|brand|startup|venture|lender|insurer`;

/** Job titles: "X, a senior analyst at Y". */
export const ROLE_HEADS = `analyst|executive|officer|director|chairman|chairwoman|chair|president|founder|co-founder|ceo|cfo|cto|coo|manager|head|economist|spokesperson|spokesman|spokeswoman|researcher|partner|professor|engineer|strategist|adviser|advisor|secretary|governor|minister|lead|vice-president|scientist|fellow|dean`;

/** Nouns that say an unnamed organisation is a regulator ("the Hong Kong authority"). */
export const REGULATOR_HEADS = `authority|authorities|regulator|regulators|commission|ministry|central bank|monetary authority|watchdog|supervisor|administration|bureau`;

/** Verbs in the past tense that do not end in "-ed": "Zenpay grew", "Orbix set up". */
export const IRREGULAR_VERBS = `grew|rose|fell|won|lost|made|took|bought|sold|led|built|began|became|saw|got|gave|went|paid|hit|set|put|cut|ran|held|kept|brought|met|sought|struck|spent|drew|chose|wrote|told|left|came|found|beat|shut|quit|split|spun|undercut|overtook|withdrew|sank|sent|lent|bid`;

/** Adverbs that may stand between a subject and its verb: "Orbix later signed", "Zenpay never sold". */
export const ADVERBS = `[a-z]+ly|already|also|still|now|ever|never|later|then|once|first|jointly|together`;
