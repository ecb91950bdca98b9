import { foldForSearch } from '../search/fold';

/** ISO 3166-1 alpha-2 codes of current countries and territories. Names come from Intl, in the user's language. */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const displayNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, language: string): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  return names.of(code) ?? code;
}

export interface CountryOption {
  code: string;
  name: string;
}

/** Countries sorted by their name in `language`, for a searchable picker. */
export function countryOptions(language: string): CountryOption[] {
  const collator = new Intl.Collator(language);
  return countryCodes
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Names people type that Intl does not give: the UN and ISO 3166 short names ("Viet Nam",
 * "Republic of Korea"), common former or long names, and the formal Japanese names the Ministry
 * of Foreign Affairs uses. Searched beside the Intl names in every UI language.
 */
export const countryAliases: Readonly<Record<string, readonly string[]>> = {
  AE: ['UAE', 'アラブ首長国連邦'],
  AG: ['Antigua and Barbuda'],
  BA: ['Bosnia and Herzegovina'],
  BN: ['Brunei Darussalam', 'ブルネイ・ダルサラーム国'],
  BO: ['Bolivia (Plurinational State of)', 'Plurinational State of Bolivia'],
  BS: ['The Bahamas'],
  CD: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'コンゴ民主共和国'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  CN: ["People's Republic of China", '中華人民共和国'],
  CV: ['Cabo Verde', 'Cape Verde'],
  CZ: ['Czech Republic', 'Czechia'],
  FM: ['Micronesia (Federated States of)', 'Federated States of Micronesia'],
  GB: ['United Kingdom of Great Britain and Northern Ireland', 'Great Britain', 'UK', '英国', 'グレートブリテン及び北アイルランド連合王国'],
  GM: ['The Gambia', 'Republic of The Gambia'],
  HK: ['Hong Kong'],
  IR: ['Iran (Islamic Republic of)', 'Islamic Republic of Iran', 'イラン・イスラム共和国'],
  KG: ['Kyrgyz Republic'],
  KH: ['Kingdom of Cambodia', 'カンボジア王国'],
  KN: ['Saint Kitts and Nevis'],
  KP: ["Democratic People's Republic of Korea", 'DPRK', '朝鮮民主主義人民共和国'],
  KR: ['Republic of Korea', 'Korea, Republic of', '大韓民国'],
  LA: ["Lao People's Democratic Republic", 'Lao PDR', 'ラオス人民民主共和国'],
  LC: ['Saint Lucia'],
  MD: ['Republic of Moldova'],
  MK: ['Macedonia', 'North Macedonia'],
  MM: ['Burma', 'Republic of the Union of Myanmar', 'ミャンマー連邦共和国'],
  MO: ['Macao', 'Macau'],
  NL: ['Netherlands (Kingdom of the)', 'Holland'],
  PH: ['Republic of the Philippines', 'フィリピン共和国'],
  PS: ['State of Palestine', 'Palestine', 'パレスチナ'],
  RU: ['Russian Federation', 'ロシア連邦'],
  SK: ['Slovak Republic'],
  ST: ['Sao Tome and Principe'],
  SY: ['Syrian Arab Republic', 'シリア・アラブ共和国'],
  SZ: ['Eswatini', 'Swaziland'],
  TL: ['Timor-Leste', 'East Timor', '東ティモール民主共和国'],
  TR: ['Türkiye', 'Turkey', 'トルコ共和国'],
  TT: ['Trinidad and Tobago'],
  TZ: ['United Republic of Tanzania', 'タンザニア連合共和国'],
  US: ['United States of America', 'USA', 'アメリカ合衆国', '米国'],
  VA: ['Holy See', 'Vatican'],
  VC: ['Saint Vincent and the Grenadines'],
  VE: ['Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela'],
  VN: ['Viet Nam', 'Socialist Republic of Viet Nam', 'ベトナム社会主義共和国', '越南'],
};

/**
 * Matches on the localized name, the English name, the UN/ISO and other names people type
 * (countryAliases) and the code, ignoring case, accents, width and kana. An exact code comes
 * first, then names that start with the query, then names that contain it.
 */
export function matchCountries(options: readonly CountryOption[], query: string): CountryOption[] {
  const needle = foldForSearch(query.trim());
  if (needle === '') return [...options];
  const rank = (option: CountryOption): number => {
    if (option.code.toLowerCase() === needle) return 0;
    const names = [option.name, countryName(option.code, 'en'), ...(countryAliases[option.code] ?? [])].map(foldForSearch);
    if (names.some((name) => name.startsWith(needle))) return 1;
    if (names.some((name) => name.includes(needle))) return 2;
    return 3;
  };
  return options
    .map((option) => ({ option, rank: rank(option) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.option);
}
