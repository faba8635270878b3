import type { Locale, Situation } from './rules.js';

/** The phone desk's words beyond where the colleague is (R-WD-2, 電話應答規範 §5 and 應答要求 4). */
type PhoneWord = 'call_back_later' | 'ask_identity' | 'refer_colleague' | 'on_call_other' | 'internal_greeting';

/**
 * R-WD-2: said on the phone at the moment they apply. {time} is when the office will call back
 * (R-PH-3), {phone} the colleague's own number or extension, {name} the colleague (or, for an
 * internal call, the person answering) and {department} their department.
 */
export const PHONE_WORDS: Record<PhoneWord, Record<Locale, string>> = {
  // §5.3 and 電話應答技巧 3: a message is taken and the call-back promised, with its time
  call_back_later: {
    'zh-Hant': '{addressee}，{name}現在未能接聽，我會代為轉告，請他/她在{time}前給您回電，好嗎？',
    'zh-Hans': '{addressee}，{name}现在未能接听，我会代为转告，请他/她在{time}前给您回电，好吗？',
    en: '{addressee}, {name} cannot take your call just now. I will pass on your message and ask them to call you back by {time}. Is that all right?',
  },
  // 應答要求 4 (say why before asking) and §5.5 (who is calling, which unit)
  ask_identity: {
    'zh-Hant': '為了方便聯絡及跟進，請問您是哪一位？是哪一個單元的業戶？',
    'zh-Hans': '为了方便联络及跟进，请问您是哪一位？是哪一个单元的业户？',
    en: 'So that we can contact you and follow this up, may I have your name and which unit you live in?',
  },
  // §5.4: 這件事您可以找__先生/小姐談一下，他/她的電話號碼是__
  refer_colleague: {
    'zh-Hant': '{addressee}，這件事您可以找{name}談一下，他/她的電話號碼是{phone}。',
    'zh-Hans': '{addressee}，这件事您可以找{name}谈一下，他/她的电话号码是{phone}。',
    en: '{addressee}, {name} can help you with this; their number is {phone}.',
  },
  // §5.2: 他/她正在接電話，找其他人幫您可以嗎？
  on_call_other: {
    'zh-Hant': '{name}正在接電話，找其他同事幫您可以嗎？',
    'zh-Hans': '{name}正在接电话，找其他同事帮您可以吗？',
    en: '{name} is on another call. May another colleague help you?',
  },
  // §5.6: an internal call is answered with one's name, or department and name together
  internal_greeting: {
    'zh-Hant': '您好，我是{department}的{name}。',
    'zh-Hans': '您好，我是{department}的{name}。',
    en: 'Hello, this is {name} of {department}.',
  },
};

/**
 * R-WD-2: the plan's words for the counter, for complaints and for courtesy, where they are
 * said. {addressee} is the resident by surname and title (陳先生), {name} the colleague,
 * {department} where a complaint goes, {office} the management office.
 */
export const COUNTER_SCRIPTS: Record<
  Exclude<Situation, 'out' | 'meeting' | 'on_call' | 'off_duty' | 'hold' | PhoneWord>,
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
