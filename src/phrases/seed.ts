import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../contract/common.js';
import type { PhraseMatchMode } from '../contract/phrases.js';
import { type Clock, systemClock } from '../platform/clock.js';
import type { Database } from '../platform/db/schema.js';
import { recordChange } from '../platform/history.js';
import { existingRuleIds, insertMissingRules, untouchedSeedRowsWithoutPattern, upgradeUntouchedSeedRow } from './store.js';
import type { NewPhraseRule } from './tables.js';

/** A pair of the company's phrase guide; the same number in the id across the three languages marks the same pair. */
export interface SeedPhrase {
  id: string;
  locale: Locale;
  avoid: string;
  suggestion: string;
  match: PhraseMatchMode;
  note: string | null;
  pattern: string | null;
  replacement: string | null;
}

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The words of a clause: anything up to a comma, a full stop, a question or exclamation mark, a colon or a new line (folded text). */
const C = '[^,.;:!?。\\n]';
/** The words that open a clause before the phrase, put back as they were (`{lead}`). */
const LEAD = `(?<lead>(?:[^\\s,.;:!?。]${C}*?)??)`;
/** Only at the start of a clause. */
const CLAUSE_START = '(?<=^|[,.;:!?。\\n]\\s*)';
/** A particle at the end of a clause, left out of the rewrite. */
const PARTICLE = '(?:啊|呀|喔|哦|啦|喇|咯|囉|吧)?';
const CLAUSE_END = '(?=[,.;:!?。\\n]|$)';

/**
 * The whole phrase each pair rewrites, one pattern for Traditional and Simplified (the text is
 * folded to Simplified before matching); the pairs without one replace the words to avoid only.
 */
const PATTERNS: Record<number, string> = {
  1: `${LEAD}(?<who>我们|我)不知道(?<rest>${C}*)`,
  2: `${LEAD}(?<who>我们|我|他们|她们|他|她)?不晓得(?<rest>${C}*)`,
  3: `不知道(?<rest>${C}*?)${PARTICLE}${CLAUSE_END}`,
  4: `不清楚(?<rest>${C}*?)${PARTICLE}${CLAUSE_END}`,
  5: `${LEAD}(?<who>我们|我)不清楚(?<rest>${C}*)`,
  6: `${LEAD}(?<!其|吉|利)(?<who>他)(?<when>当时|现在|暂时|今日|今天)?不在(?!意|乎|于|少|话下|场证明|此列)(?<place>${C}*?)${PARTICLE}${CLAUSE_END}`,
  7: `${LEAD}(?<who>她)(?<when>当时|现在|暂时|今日|今天)?不在(?!意|乎|于|少|话下|场证明|此列)(?<place>${C}*?)${PARTICLE}${CLAUSE_END}`,
  8: `${LEAD}(?<who>他们|她们)(?<when>当时|现在|暂时|今日|今天)?不在(?!意|乎|于|少|话下|场证明|此列)(?<place>${C}*?)${PARTICLE}${CLAUSE_END}`,
  9: `(?:请您|请你|麻烦您|麻烦你|请|您|你)?(?:可以)?迟一些(?:再)?来电${PARTICLE}`,
  10: `(?:请您|请你|麻烦您|麻烦你|请|您|你)?(?:可以)?迟一?些(?:再)?(?:打来|打过来|致电)${PARTICLE}`,
  11: '喂+(?:[,!?\\s]*(?:你好|您好))?',
  12: '你?(?:没看见|没看到|看不到|看不见)我(?:正在|在)?忙着?(?:吗|咩)?[?!。.,]*',
  13: '我(?:现在|而家|今日|今天)?(?:没空|没时间|唔得闲)(?:啊|呀|啦|喇)?',
  14: `${LEAD}(?:这个|这件事|这些事?|呢个|呢件事)?(?:都|也)?不关我的?事(?:啊|呀|啦|喇)?`,
  // 篇3 §12: no questioning or ordering; ask, request, talk it over, explain.
  15: `${LEAD}[你您]们?(?:必须|一定要)(?<rest>${C}+)`,
  16: `${LEAD}[你您]们?(?:怎么|为什么|为甚么|为何|点解)(?:都|还|又)?(?:不|唔|没有|没)(?<rest>${C}+?)(?:呢|啊|呀)?(?:[?!。.,;]+|$)`,
  17: `${LEAD}[你您]们?(?:应该|应当)(?<rest>${C}+)`,
  18: `${CLAUSE_START}[你您]们?(?:要|需要)(?!求|是|不|的|什|甚|哪|几|多少|咩|边)(?<rest>${C}+)`,
  19: `${CLAUSE_START}(?:[你您]们?)?(?:不可以|不准|不许)(?<rest>${C}+)`,
};

type Pair = [n: number, avoid: string, suggestion: string, match: PhraseMatchMode, note: string | null, replacement?: string];

/** The English pairs that rewrite more than their words. */
const EN_PATTERNS: Record<number, string> = {
  9: '(?:please\\s+)?(?:call|ring)\\s+(?:me\\s+|us\\s+)?(?:back\\s+)?later\\b',
};

function rows(locale: Locale, base: number, pairs: Pair[], patterns: Record<number, string> = PATTERNS): SeedPhrase[] {
  return pairs.map(([n, avoid, suggestion, match, note, replacement]) => ({
    id: id(base + n),
    locale,
    avoid,
    suggestion,
    match,
    note,
    pattern: replacement ? (patterns[n] ?? null) : null,
    replacement: replacement ?? null,
  }));
}

const SECTION_12_HANT = '篇3 §12：切忌質問式、命令式的說話方式，要用詢問式、請求式、商量式、解釋式';
const SECTION_12_HANS = '篇3 §12：切忌质问式、命令式的说话方式，要用询问式、请求式、商量式、解释式';

/**
 * R-WD-1: the seed's "不要用 / 改用" pairs (電話應答要求 §5), its opening words (§3), and what
 * 篇3 §7, §8 and the phone answers of §5.3 and §6.1 say not to say, in Traditional and
 * Simplified Chinese and English; R-WD-2: the questioning and ordering wording 篇3 §12 forbids.
 * The Chinese pairs rewrite the whole phrase in its clause, so the sentence still reads.
 */
export const PHRASE_SEED: readonly SeedPhrase[] = [
  ...rows('zh-Hant', 100, [
    [1, '我不知道', '對不起，我不太清楚', 'anywhere', '電話應答要求：不要用「我不知道，不曉得」', '對不起，{lead}{who}不太清楚{rest}'],
    [2, '不曉得', '對不起，我不太清楚', 'anywhere', '電話應答要求：不要用「我不知道，不曉得」', '對不起，{lead}[{who}|我]不太清楚{rest}'],
    [
      3,
      '不知道',
      '對不起，我不太清楚，我查一查再答覆您',
      'start',
      '決不能以「不知道」作答：應查找有關資料或請示上司，盡量答覆業主',
      '對不起，我不太清楚{rest}，我查一查再答覆您',
    ],
    [
      4,
      '不清楚',
      '對不起，我不太清楚，我查一查再答覆您',
      'start',
      '決不能以「不清楚」作答：應查找有關資料或請示上司，盡量答覆業主',
      '對不起，我不太清楚{rest}，我查一查再答覆您',
    ],
    [5, '我不清楚', '對不起，我不太清楚', 'anywhere', '決不能以「不清楚」作答', '對不起，{lead}{who}不太清楚{rest}'],
    [6, '他不在', '對不起，他走開了', 'anywhere', '電話應答要求：不要用「他(們)不在」', '對不起，{lead}{who}{when}[離開了{place}|走開了]'],
    [7, '她不在', '對不起，她走開了', 'anywhere', '電話應答要求：不要用「他(們)不在」', '對不起，{lead}{who}{when}[離開了{place}|走開了]'],
    [
      8,
      '他們不在',
      '對不起，他們走開了',
      'anywhere',
      '電話應答要求：不要用「他(們)不在」',
      '對不起，{lead}{who}{when}[離開了{place}|走開了]',
    ],
    [
      9,
      '遲一些來電',
      '有甚麼事嗎？我會代為轉告的，請留言',
      'anywhere',
      '電話應答要求：不要用「遲一些來電」',
      '有甚麼事嗎？我會代為轉告的，請留言',
    ],
    [
      10,
      '遲些再打來',
      '有甚麼事嗎？我會代為轉告的，請留言',
      'anywhere',
      '電話應答要求：不要用「遲一些來電」',
      '有甚麼事嗎？我會代為轉告的，請留言',
    ],
    [11, '喂', '您好', 'start', '不要說「喂」：接聽須說「早安/午安，____管理處」', '您好'],
    [
      12,
      '你沒看見我忙著嗎',
      '好的，我馬上就來（辦）',
      'anywhere',
      '要體現出樂意為業主服務，千萬不能說「你沒看見我忙著嗎？」',
      '好的，我馬上就來。',
    ],
    [
      13,
      '我現在沒空',
      '對不起，我現在有緊急的事要處理，請問您可否留下電話，我會盡快回電給您？',
      'anywhere',
      '想遲一點回電時的說法',
      '對不起，我現在有緊急的事要處理，請問您可否留下電話，我會盡快回電給您',
    ],
    [
      14,
      '不關我事',
      '對不起，我會把事情反映給有關部門，然後給您答覆',
      'anywhere',
      '不在自己職責範圍時，應委婉地說明原因',
      '對不起，[{lead}的事我會|我會把事情]反映給有關部門，然後給您答覆',
    ],
    [15, '你必須', '麻煩您……', 'anywhere', SECTION_12_HANT, '{lead}麻煩您{rest}'],
    [16, '你怎麼不', '請您……，好嗎？', 'anywhere', SECTION_12_HANT, '{lead}請您{rest}，好嗎？'],
    [17, '你應該', '建議您……', 'anywhere', SECTION_12_HANT, '{lead}建議您{rest}'],
    [18, '你要', '請您……', 'anywhere', SECTION_12_HANT, '請您{rest}'],
    [19, '不可以', '請不要……，謝謝合作', 'anywhere', SECTION_12_HANT, '請不要{rest}，謝謝合作'],
  ]),
  ...rows('zh-Hans', 200, [
    [1, '我不知道', '对不起，我不太清楚', 'anywhere', '电话应答要求：不要用「我不知道，不晓得」', '对不起，{lead}{who}不太清楚{rest}'],
    [2, '不晓得', '对不起，我不太清楚', 'anywhere', '电话应答要求：不要用「我不知道，不晓得」', '对不起，{lead}[{who}|我]不太清楚{rest}'],
    [
      3,
      '不知道',
      '对不起，我不太清楚，我查一查再答复您',
      'start',
      '决不能以「不知道」作答：应查找有关资料或请示上司，尽量答复业主',
      '对不起，我不太清楚{rest}，我查一查再答复您',
    ],
    [
      4,
      '不清楚',
      '对不起，我不太清楚，我查一查再答复您',
      'start',
      '决不能以「不清楚」作答：应查找有关资料或请示上司，尽量答复业主',
      '对不起，我不太清楚{rest}，我查一查再答复您',
    ],
    [5, '我不清楚', '对不起，我不太清楚', 'anywhere', '决不能以「不清楚」作答', '对不起，{lead}{who}不太清楚{rest}'],
    [6, '他不在', '对不起，他走开了', 'anywhere', '电话应答要求：不要用「他(们)不在」', '对不起，{lead}{who}{when}[离开了{place}|走开了]'],
    [7, '她不在', '对不起，她走开了', 'anywhere', '电话应答要求：不要用「他(们)不在」', '对不起，{lead}{who}{when}[离开了{place}|走开了]'],
    [
      8,
      '他们不在',
      '对不起，他们走开了',
      'anywhere',
      '电话应答要求：不要用「他(们)不在」',
      '对不起，{lead}{who}{when}[离开了{place}|走开了]',
    ],
    [
      9,
      '迟一些来电',
      '有什么事吗？我会代为转告的，请留言',
      'anywhere',
      '电话应答要求：不要用「迟一些来电」',
      '有什么事吗？我会代为转告的，请留言',
    ],
    [
      10,
      '迟些再打来',
      '有什么事吗？我会代为转告的，请留言',
      'anywhere',
      '电话应答要求：不要用「迟一些来电」',
      '有什么事吗？我会代为转告的，请留言',
    ],
    [11, '喂', '您好', 'start', '不要说「喂」：接听须说「早安/午安，____管理处」', '您好'],
    [
      12,
      '你没看见我忙着吗',
      '好的，我马上就来（办）',
      'anywhere',
      '要体现出乐意为业主服务，千万不能说「你没看见我忙着吗？」',
      '好的，我马上就来。',
    ],
    [
      13,
      '我现在没空',
      '对不起，我现在有紧急的事要处理，请问您可否留下电话，我会尽快回电给您？',
      'anywhere',
      '想迟一点回电时的说法',
      '对不起，我现在有紧急的事要处理，请问您可否留下电话，我会尽快回电给您',
    ],
    [
      14,
      '不关我事',
      '对不起，我会把事情反映给有关部门，然后给您答复',
      'anywhere',
      '不在自己职责范围时，应委婉地说明原因',
      '对不起，[{lead}的事我会|我会把事情]反映给有关部门，然后给您答复',
    ],
    [15, '你必须', '麻烦您……', 'anywhere', SECTION_12_HANS, '{lead}麻烦您{rest}'],
    [16, '你怎么不', '请您……，好吗？', 'anywhere', SECTION_12_HANS, '{lead}请您{rest}，好吗？'],
    [17, '你应该', '建议您……', 'anywhere', SECTION_12_HANS, '{lead}建议您{rest}'],
    [18, '你要', '请您……', 'anywhere', SECTION_12_HANS, '请您{rest}'],
    [19, '不可以', '请不要……，谢谢合作', 'anywhere', SECTION_12_HANS, '请不要{rest}，谢谢合作'],
  ]),
  ...rows(
    'en',
    300,
    [
      [1, "I don't know", "Sorry, I'm not quite sure", 'anywhere', 'Never answer a resident with a flat "I don\'t know".'],
      [2, 'I do not know', "Sorry, I'm not quite sure", 'anywhere', 'Never answer a resident with a flat "I don\'t know".'],
      [3, 'No idea', "Sorry, I'm not quite sure; let me find out and get back to you", 'start', 'Look it up or ask a supervisor.'],
      [6, "He's not here", 'Sorry, he has stepped away', 'anywhere', 'Offer to take a message.'],
      [7, "She's not here", 'Sorry, she has stepped away', 'anywhere', 'Offer to take a message.'],
      [8, "They're not here", 'Sorry, they have stepped away', 'anywhere', 'Offer to take a message.'],
      [
        9,
        'Call back later',
        'Is there anything I can pass on? Please leave a message',
        'anywhere',
        'Offer to pass the message on.',
        'Is there anything I can pass on? Please leave a message',
      ],
      [
        11,
        'Hello?',
        'Good morning, this is the management office. How may I help you?',
        'start',
        'Open with a greeting and the office name.',
      ],
      [15, 'Hey', 'Good morning', 'start', 'Open with a greeting and the office name.'],
      [12, "Can't you see I'm busy", "Certainly, I'll be right with you", 'anywhere', 'Show that you are glad to help.'],
      [
        13,
        "I'm busy right now",
        'Sorry, I have something urgent to attend to. May I take your number and call you back as soon as possible?',
        'anywhere',
        'When you must call back later.',
      ],
      [
        14,
        'Not my problem',
        'Sorry, I will pass this to the department concerned and get back to you',
        'anywhere',
        'Explain kindly when it is not your duty.',
      ],
    ],
    EN_PATTERNS,
  ),
];

/**
 * Puts the company's seed pairs into the phrase guide where they are missing, once per pair,
 * and gives a seed pair stored before rules could rewrite a whole phrase its pattern, its
 * replacement and its present wording: a pair an admin has edited or disabled stays as it is.
 * Safe to run at every start-up and from two processes at once.
 */
export async function ensurePhraseSeed(db: Kysely<Database>, clock: Clock = systemClock): Promise<number> {
  const at = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const have = await existingRuleIds(
      trx,
      PHRASE_SEED.map((p) => p.id),
    );
    const missing: NewPhraseRule[] = PHRASE_SEED.filter((p) => !have.has(p.id)).map((p) => ({
      id: p.id,
      estate_id: null,
      locale: p.locale,
      avoid: p.avoid,
      suggestion: p.suggestion,
      match: p.match,
      pattern: p.pattern,
      replacement: p.replacement,
      note: p.note,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    }));
    await upgradeSeedRows(trx, at);
    if (missing.length === 0) return 0;
    const inserted = await insertMissingRules(trx, missing);
    const byId = new Map(missing.map((row) => [row.id, row]));
    for (const ruleId of inserted) {
      await recordChange(trx, {
        estateId: null,
        actorId: null,
        at,
        entityType: 'phrase_rule',
        entityId: ruleId,
        action: 'seeded',
        after: byId.get(ruleId),
      });
    }
    return inserted.length;
  });
}

/** Seed rows from before patterns, never touched since they were put in (updated when created, enabled). */
async function upgradeSeedRows(trx: Transaction<Database>, at: string): Promise<void> {
  const bySeedId = new Map(PHRASE_SEED.filter((p) => p.pattern).map((p) => [p.id, p]));
  for (const row of await untouchedSeedRowsWithoutPattern(trx, [...bySeedId.keys()])) {
    const seed = bySeedId.get(row.id);
    if (!seed) continue;
    const patch = { suggestion: seed.suggestion, note: seed.note, pattern: seed.pattern, replacement: seed.replacement, updated_at: at };
    if (!(await upgradeUntouchedSeedRow(trx, row.id, row.updated_at, patch))) continue;
    await recordChange(trx, {
      estateId: null,
      actorId: null,
      at,
      entityType: 'phrase_rule',
      entityId: row.id,
      action: 'reseeded',
      before: row,
      after: { ...row, ...patch },
    });
  }
}
