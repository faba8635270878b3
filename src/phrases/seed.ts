import type { Kysely } from 'kysely';
import type { Locale } from '../contract/common.js';
import type { PhraseMatchMode } from '../contract/phrases.js';
import { type Clock, systemClock } from '../platform/clock.js';
import type { Database } from '../platform/db/schema.js';
import { recordChange } from '../platform/history.js';
import { existingRuleIds, insertMissingRules } from './store.js';
import type { NewPhraseRule } from './tables.js';

/** A pair of the company's phrase guide; the same number in the id across the three languages marks the same pair. */
export interface SeedPhrase {
  id: string;
  locale: Locale;
  avoid: string;
  suggestion: string;
  match: PhraseMatchMode;
  note: string | null;
}

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Pair = [n: number, avoid: string, suggestion: string, match: PhraseMatchMode, note: string | null];

function rows(locale: Locale, base: number, pairs: Pair[]): SeedPhrase[] {
  return pairs.map(([n, avoid, suggestion, match, note]) => ({ id: id(base + n), locale, avoid, suggestion, match, note }));
}

/**
 * R-WD-1: the seed's "不要用 / 改用" pairs (電話應答要求 §5), its opening words (§3), and what
 * 篇3 §7, §8 and the phone answers of §5.3 and §6.1 say not to say, in Traditional and
 * Simplified Chinese and English. The Traditional suggestions are the seed's own words.
 */
export const PHRASE_SEED: readonly SeedPhrase[] = [
  ...rows('zh-Hant', 100, [
    [1, '我不知道', '對不起，我不太清楚', 'anywhere', '電話應答要求：不要用「我不知道，不曉得」'],
    [2, '不曉得', '對不起，我不太清楚', 'anywhere', '電話應答要求：不要用「我不知道，不曉得」'],
    [3, '不知道', '對不起，我不太清楚，我查一查再答覆您', 'start', '決不能以「不知道」作答：應查找有關資料或請示上司，盡量答覆業主'],
    [4, '不清楚', '對不起，我不太清楚，我查一查再答覆您', 'start', '決不能以「不清楚」作答：應查找有關資料或請示上司，盡量答覆業主'],
    [5, '我不清楚', '對不起，我不太清楚', 'anywhere', '決不能以「不清楚」作答'],
    [6, '他不在', '對不起，他走開了', 'anywhere', '電話應答要求：不要用「他（們）不在」'],
    [7, '她不在', '對不起，她走開了', 'anywhere', '電話應答要求：不要用「他（們）不在」'],
    [8, '他們不在', '對不起，他們走開了', 'anywhere', '電話應答要求：不要用「他（們）不在」'],
    [9, '遲一些來電', '有甚麼事嗎？我會代為轉告的，請留言', 'anywhere', '電話應答要求：不要用「遲一些來電」'],
    [10, '遲些再打來', '有甚麼事嗎？我會代為轉告的，請留言', 'anywhere', '電話應答要求：不要用「遲一些來電」'],
    [11, '喂', '您好', 'start', '不要說「喂」：接聽須說「早晨/午安，____管理處」'],
    [12, '你沒看見我忙著嗎', '好的，我馬上就來（辦）', 'anywhere', '要體現出樂意為業主服務，千萬不能說「你沒看見我忙著嗎？」'],
    [13, '我現在沒空', '對不起，我現在有緊急的事要處理，請問您可否留下電話，我會盡快回電給您？', 'anywhere', '想遲一點回電時的說法'],
    [14, '不關我事', '對不起，我會把事情反映給有關部門，然後給您答覆', 'anywhere', '不在自己職責範圍時，應委婉地說明原因'],
  ]),
  ...rows('zh-Hans', 200, [
    [1, '我不知道', '对不起，我不太清楚', 'anywhere', '电话应答要求：不要用「我不知道，不晓得」'],
    [2, '不晓得', '对不起，我不太清楚', 'anywhere', '电话应答要求：不要用「我不知道，不晓得」'],
    [3, '不知道', '对不起，我不太清楚，我查一查再答复您', 'start', '决不能以「不知道」作答：应查找有关资料或请示上司，尽量答复业主'],
    [4, '不清楚', '对不起，我不太清楚，我查一查再答复您', 'start', '决不能以「不清楚」作答：应查找有关资料或请示上司，尽量答复业主'],
    [5, '我不清楚', '对不起，我不太清楚', 'anywhere', '决不能以「不清楚」作答'],
    [6, '他不在', '对不起，他走开了', 'anywhere', '电话应答要求：不要用「他（们）不在」'],
    [7, '她不在', '对不起，她走开了', 'anywhere', '电话应答要求：不要用「他（们）不在」'],
    [8, '他们不在', '对不起，他们走开了', 'anywhere', '电话应答要求：不要用「他（们）不在」'],
    [9, '迟一些来电', '有什么事吗？我会代为转告的，请留言', 'anywhere', '电话应答要求：不要用「迟一些来电」'],
    [10, '迟些再打来', '有什么事吗？我会代为转告的，请留言', 'anywhere', '电话应答要求：不要用「迟一些来电」'],
    [11, '喂', '您好', 'start', '不要说「喂」：接听须说「早安/午安，____管理处」'],
    [12, '你没看见我忙着吗', '好的，我马上就来（办）', 'anywhere', '要体现出乐意为业主服务，千万不能说「你没看见我忙着吗？」'],
    [13, '我现在没空', '对不起，我现在有紧急的事要处理，请问您可否留下电话，我会尽快回电给您？', 'anywhere', '想迟一点回电时的说法'],
    [14, '不关我事', '对不起，我会把事情反映给有关部门，然后给您答复', 'anywhere', '不在自己职责范围时，应委婉地说明原因'],
  ]),
  ...rows('en', 300, [
    [1, "I don't know", "Sorry, I'm not quite sure", 'anywhere', 'Never answer a resident with a flat "I don\'t know".'],
    [2, 'I do not know', "Sorry, I'm not quite sure", 'anywhere', 'Never answer a resident with a flat "I don\'t know".'],
    [3, 'No idea', "Sorry, I'm not quite sure; let me find out and get back to you", 'start', 'Look it up or ask a supervisor.'],
    [6, "He's not here", 'Sorry, he has stepped away', 'anywhere', 'Offer to take a message.'],
    [7, "She's not here", 'Sorry, she has stepped away', 'anywhere', 'Offer to take a message.'],
    [8, "They're not here", 'Sorry, they have stepped away', 'anywhere', 'Offer to take a message.'],
    [9, 'Call back later', 'Is there anything I can pass on? Please leave a message', 'anywhere', 'Offer to pass the message on.'],
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
  ]),
];

/**
 * Puts the company's seed pairs into the phrase guide where they are missing, once per pair:
 * a pair an admin has edited or disabled stays as it is. Safe to run at every start-up and
 * from two processes at once.
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
      note: p.note,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    }));
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
