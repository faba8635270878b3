import type { Random } from './random.js';

/** Words a busy office writes down, per case kind (Traditional Chinese, as at a Hong Kong counter). */
const PLACES = ['浴室', '廚房', '客廳', '睡房', '露台', '走廊', '大堂', '升降機', '停車場', '天台', '垃圾房', '窗台'];
const REPAIRS: Record<'safety' | 'leak' | 'other', string[]> = {
  safety: ['電線冒煙', '插座發熱', '防火門關不上', '扶手鬆脫', '玻璃爆裂', '煤氣味', '緊急照明失靈', '地台濕滑'],
  leak: ['天花滲水', '水管爆裂漏水', '牆身滲水', '窗邊入水', '去水位倒灌', '冷氣機滴水', '樓上滲水到本單位', '水錶漏水'],
  other: ['燈泡損壞', '門鎖失靈', '抽氣扇壞了', '油漆剝落', '門鐘無聲', '對講機沒有畫面', '信箱門壞', '晾衣架鬆脫'],
};
const DETAILS = ['已持續兩天', '今早發現', '晚上特別嚴重', '住戶要求盡快處理', '上次維修後再次出現', '影響樓下單位', '請先致電住戶', ''];
const KIND_TEXTS: Record<string, string[]> = {
  inquiry: ['查詢管理費繳交方法', '查詢泳池開放時間', '查詢裝修申請手續', '查詢停車位租用', '查詢會所預約', '查詢搬屋安排'],
  fee: ['管理費帳單金額有誤', '要求補發收據', '查詢逾期附加費', '自動轉帳未能扣款', '要求分期繳付維修基金'],
  complaint: ['鄰居深夜噪音', '大堂清潔不足', '保安員態度欠佳', '有人在走廊吸煙', '垃圾房有異味', '裝修工程噪音過大', '訪客車輛亂泊'],
  message: ['請經理回電', '住戶留言要求會面', '承辦商要求聯絡工程部', '業主委員會來電'],
  praise: ['多謝保安員協助搬運', '讚揚清潔姐姐細心', '多謝工程部迅速維修'],
  suggestion: ['建議增設單車停泊位', '建議延長會所開放時間', '建議大堂增設座椅', '建議加強走廊照明'],
};
const REPLIES = [
  '已致電住戶說明處理安排',
  '已安排同事上門視察',
  '已書面回覆住戶，並附上處理時間表',
  '已向住戶解釋有關規定',
  '已通知承辦商跟進，會再聯絡住戶',
  '已與住戶約定上門時間',
];
const WORK = ['已更換零件並測試正常', '已重新密封並作試水', '已更換喉管接駁位', '已修補並油漆', '已清理去水位', '已更換電掣'];
const RESULTS = ['已處理完畢，住戶接受', '已解釋並記錄意見', '已轉交有關部門跟進完成', '已更正帳單', '已加強巡查'];
const WORDS = ['修好了，多謝', '暫時沒有問題', '還有少少聲', '下雨後沒有再漏', '滿意', '希望下次快一點'];
const PROBLEMS = ['維修後仍然滲水', '零件未有更換', '工程完成後現場未清理', '電掣仍然發熱'];

export function caseText(random: Random, kind: string, repairClass: 'safety' | 'leak' | 'other' | null): string {
  if (kind === 'repair' && repairClass) {
    const detail = random.pick(DETAILS);
    return `${random.pick(PLACES)}${random.pick(REPAIRS[repairClass])}${detail ? `，${detail}` : ''}`;
  }
  return random.pick(KIND_TEXTS[kind] ?? KIND_TEXTS.inquiry ?? []);
}

export const replyText = (random: Random): string => random.pick(REPLIES);
export const workText = (random: Random): string => random.pick(WORK);
export const resultText = (random: Random): string => random.pick(RESULTS);
export const residentWords = (random: Random): string => random.pick(WORDS);
export const problemText = (random: Random): string => random.pick(PROBLEMS);
