/**
 * What a script may hold, filled in at the desk: the colleague's name and when they are back,
 * the office's name, how the resident is addressed (陳先生, 陳太, Mr Chan; R-WD-2), the
 * department a complaint is forwarded to, the colleague's own phone number or extension and
 * the time the office will call back.
 */
export const SCRIPT_PLACEHOLDERS = ['{name}', '{until}', '{office}', '{addressee}', '{department}', '{phone}', '{time}'] as const;

/**
 * The braces of a script that are not one of `SCRIPT_PLACEHOLDERS`: a misspelt placeholder
 * ({nmae}) or a stray brace would be read out to the caller as it stands.
 */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = SCRIPT_PLACEHOLDERS;
  const found = text.match(/\{[^{}]*\}|[{}]/g) ?? [];
  return [...new Set(found.filter((p) => !known.includes(p)))];
}

export interface ScriptVars {
  name: string;
  until: string;
  office?: string;
  addressee?: string;
  department?: string;
  phone?: string;
  time?: string;
}

/** A script with its placeholders filled in; a value not given is left empty. */
export function fillPlaceholders(text: string, vars: ScriptVars): string {
  return text
    .replaceAll('{name}', vars.name)
    .replaceAll('{until}', vars.until)
    .replaceAll('{office}', vars.office ?? '')
    .replaceAll('{addressee}', vars.addressee ?? '')
    .replaceAll('{department}', vars.department ?? '')
    .replaceAll('{phone}', vars.phone ?? '')
    .replaceAll('{time}', vars.time ?? '');
}

// ------------------------------------------------------------------ forms of address (R-WD-2)

/** How a resident is addressed: 先生, 太太 (陳太), 小姐, 女士; none when unknown. */
export const RESIDENT_TITLES = ['mr', 'mrs', 'miss', 'ms'] as const;
export type ResidentTitle = (typeof RESIDENT_TITLES)[number];
export type ScriptLocale = 'zh-Hant' | 'zh-Hans' | 'en';

const CHINESE_TITLES: Record<ResidentTitle, string> = { mr: '先生', mrs: '太', miss: '小姐', ms: '女士' };
const ENGLISH_TITLES: Record<ResidentTitle, string> = { mr: 'Mr', mrs: 'Mrs', miss: 'Ms', ms: 'Ms' };

/** Who is spoken to when the desk does not know their name or title yet (先生／小姐). */
const ANYONE: Record<ScriptLocale, string> = { 'zh-Hant': '先生／小姐', 'zh-Hans': '先生／女士', en: 'Sir or Madam' };

/**
 * Common Hong Kong surnames: the simplified character and the Cantonese spelling the office
 * writes in English (陳 → 陈, Chan). A surname not listed keeps its own characters.
 */
const SURNAMES: Record<string, [string, string]> = {
  陳: ['陈', 'Chan'],
  李: ['李', 'Lee'],
  張: ['张', 'Cheung'],
  黃: ['黄', 'Wong'],
  王: ['王', 'Wong'],
  劉: ['刘', 'Lau'],
  林: ['林', 'Lam'],
  吳: ['吴', 'Ng'],
  何: ['何', 'Ho'],
  梁: ['梁', 'Leung'],
  鄭: ['郑', 'Cheng'],
  周: ['周', 'Chow'],
  謝: ['谢', 'Tse'],
  郭: ['郭', 'Kwok'],
  馬: ['马', 'Ma'],
  羅: ['罗', 'Law'],
  高: ['高', 'Ko'],
  蔡: ['蔡', 'Choi'],
  葉: ['叶', 'Yip'],
  朱: ['朱', 'Chu'],
  曾: ['曾', 'Tsang'],
  楊: ['杨', 'Yeung'],
  胡: ['胡', 'Wu'],
  麥: ['麦', 'Mak'],
  鄧: ['邓', 'Tang'],
  許: ['许', 'Hui'],
  蘇: ['苏', 'So'],
  盧: ['卢', 'Lo'],
  馮: ['冯', 'Fung'],
  譚: ['谭', 'Tam'],
  趙: ['赵', 'Chiu'],
  孫: ['孙', 'Suen'],
  關: ['关', 'Kwan'],
  區: ['区', 'Au'],
  鍾: ['钟', 'Chung'],
  江: ['江', 'Kong'],
  余: ['余', 'Yu'],
  歐陽: ['欧阳', 'Au Yeung'],
  司徒: ['司徒', 'Szeto'],
  上官: ['上官', 'Sheung Kwun'],
};

/** The surname of a name as written: a two-character surname (歐陽) or the first character; in Latin letters the word in capitals, else the last. */
function surnameOf(name: string): { chinese: string | null; latin: string } {
  const trimmed = name.trim();
  if (/^[\p{Script=Han}]/u.test(trimmed)) {
    const two = trimmed.slice(0, 2);
    const chinese = SURNAMES[two] && trimmed.length > 2 ? two : trimmed.slice(0, 1);
    return { chinese, latin: SURNAMES[chinese]?.[1] ?? chinese };
  }
  const words = trimmed.split(/\s+/).filter(Boolean);
  const capitals = words.find((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w));
  const word = capitals ?? words[words.length - 1] ?? '';
  return { chinese: null, latin: word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word };
}

/**
 * R-WD-2: how the desk addresses a resident by surname and title: 陳先生, 陳太, 陳小姐 in
 * Chinese, Mr Chan, Mrs Chan, Ms Chan in English. Without a title the name as written; without
 * a name, 先生／小姐 (Sir or Madam).
 */
export function formOfAddress(name: string | null | undefined, title: ResidentTitle | null | undefined, locale: ScriptLocale): string {
  if (!name?.trim()) return ANYONE[locale];
  if (!title) return name.trim();
  const { chinese, latin } = surnameOf(name);
  if (locale === 'en') return `${ENGLISH_TITLES[title]} ${latin}`;
  const surname = chinese && locale === 'zh-Hans' ? (SURNAMES[chinese]?.[0] ?? chinese) : (chinese ?? latin);
  return `${surname}${CHINESE_TITLES[title]}`;
}

/** The management office by its name in the language (誠基公寓管理處, 誠基公寓 Management Office), as the greeting names it. */
export function officeTitle(officeName: string, locale: ScriptLocale): string {
  const base = officeName.trim().replace(/管理處$|管理处$/, '');
  if (locale === 'en') return `${base} Management Office`;
  return `${base}${locale === 'zh-Hans' ? '管理处' : '管理處'}`;
}

/** The generic form of address, before the desk knows who it is speaking to. */
export function anyoneAddressed(locale: ScriptLocale): string {
  return ANYONE[locale];
}
