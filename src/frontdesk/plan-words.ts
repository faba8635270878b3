import type { Locale, Situation } from './rules.js';

/**
 * R-WD-2: the plan's words for the counter, for complaints and for courtesy, where they are
 * said. {addressee} is the resident by surname and title (陳先生), {name} the colleague,
 * {department} where a complaint goes, {office} the management office.
 */
export const COUNTER_SCRIPTS: Record<
  Exclude<Situation, 'out' | 'meeting' | 'on_call' | 'off_duty' | 'call_back_later' | 'ask_identity' | 'hold'>,
  Record<Locale, string>
> = {
  // §5.1 電話應答技巧: 當你知道他/她在其他辦公室處理事務
  other_office: {
    'zh-Hant': '{name}在其他辦公室處理事務，我幫您找一下，請稍等。',
    'zh-Hans': '{name}在其他办公室处理事务，我帮您找一下，请稍等。',
    en: '{name} is in another office just now. Let me find them for you; one moment, please.',
  },
  // 辦公室業戶接待規範 1
  walk_in_greeting: {
    'zh-Hant': '{addressee}，請問您有甚麼事？',
    'zh-Hans': '{addressee}，请问您有什么事？',
    en: '{addressee}, how may I help you?',
  },
  // 辦公室業戶接待規範 2
  walk_in_away: {
    'zh-Hant': '對不起，{addressee}。{name}剛出外辦事了，您先請坐，我幫您找一找。',
    'zh-Hans': '对不起，{addressee}。{name}刚出外办事了，您先请坐，我帮您找一找。',
    en: 'I am sorry, {addressee}. {name} has just gone out on an errand. Please take a seat and I will find them for you.',
  },
  // 篇3 §14: 禮貌道別
  walk_in_farewell: {
    'zh-Hant': '多謝您，{addressee}，請慢走，再見！',
    'zh-Hans': '谢谢您，{addressee}，请慢走，再见！',
    en: 'Thank you, {addressee}. Goodbye, and take care!',
  },
  // §6.1 in one's own scope
  complaint_apology: {
    'zh-Hant': '{addressee}，我感到很抱歉，我會馬上了解事情後盡快幫您解決。',
    'zh-Hans': '{addressee}，我感到很抱歉，我会马上了解事情后尽快帮您解决。',
    en: '{addressee}, I am very sorry. I will look into it at once and resolve it for you as soon as I can.',
  },
  // §6.1 outside one's scope
  complaint_forward: {
    'zh-Hant': '對不起，{addressee}，我會把事情反映給{department}，然後給您答覆，請留下閣下的資料。',
    'zh-Hans': '对不起，{addressee}，我会把事情反映给{department}，然后给您答复，请留下阁下的资料。',
    en: 'I am sorry, {addressee}. I will pass this on to {department} and we will come back to you with an answer. May I have your details?',
  },
  // §6.3 company policy, or a demand against the house rules
  complaint_escalate: {
    'zh-Hant': '對不起，{addressee}，我無權處理此事，我會向有關領導反映閣下的意見。',
    'zh-Hans': '对不起，{addressee}，我无权处理此事，我会向有关领导反映阁下的意见。',
    en: 'I am sorry, {addressee}, this is not mine to decide. I will bring your views to the management.',
  },
  // 篇3 §13: 登記後要表示感謝
  thanks_registration: {
    'zh-Hant': '多謝您，{addressee}，{office}已經為您登記好了。',
    'zh-Hans': '谢谢您，{addressee}，{office}已经为您登记好了。',
    en: 'Thank you, {addressee}. {office} has recorded it for you.',
  },
  // 篇3 §13: 業主對我們感謝時，一定要回答「請別客氣」
  reply_to_thanks: {
    'zh-Hant': '{addressee}，請別客氣。',
    'zh-Hans': '{addressee}，请别客气。',
    en: 'You are most welcome, {addressee}.',
  },
};
