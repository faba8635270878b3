import type { ReportedRule } from '../../contract/reports.js';

/** The words of the monthly report's files, in the reader's language. */
export type ReportLocale = 'zh-Hant' | 'zh-Hans' | 'en';

type Words = {
  title: string;
  month: string;
  asOf: string;
  frozen: string;
  live: string;
  volumes: string;
  total: string;
  kind: string;
  channel: string;
  repairClass: string;
  rules: string;
  rule: string;
  due: string;
  onTime: string;
  late: string;
  open: string;
  overdue: string;
  rate: string;
  satisfaction: string;
  spotCheck: string;
  notices: string;
  desk: string;
  phone: string;
  fees: string;
  corrections: string;
  figure: string;
  frozenValue: string;
  nowValue: string;
  value: string;
  trend: string;
  cases: string;
  none: string;
};

export const WORDS: Record<ReportLocale, Words> = {
  'zh-Hant': {
    title: '每月服務報告',
    month: '月份',
    asOf: '數據截至',
    frozen: '已定稿',
    live: '本月進行中',
    volumes: '個案數量',
    total: '合計',
    kind: '類別',
    channel: '渠道',
    repairClass: '維修類別',
    rules: '服務承諾達標情況',
    rule: '規則',
    due: '到期',
    onTime: '準時',
    late: '逾時完成',
    open: '未完成',
    overdue: '已逾期',
    rate: '準時率',
    satisfaction: '滿意度',
    spotCheck: '回訪抽查',
    notices: '書面整改通知',
    desk: '接待及電話',
    phone: '電話應答(三聲內接聽)',
    fees: '收費',
    corrections: '上月數字更正',
    figure: '項目',
    frozenValue: '定稿數字',
    nowValue: '現時數字',
    value: '數字',
    trend: '十二個月準時率',
    cases: '個案',
    none: '沒有',
  },
  'zh-Hans': {
    title: '每月服务报告',
    month: '月份',
    asOf: '数据截至',
    frozen: '已定稿',
    live: '本月进行中',
    volumes: '个案数量',
    total: '合计',
    kind: '类别',
    channel: '渠道',
    repairClass: '维修类别',
    rules: '服务承诺达标情况',
    rule: '规则',
    due: '到期',
    onTime: '准时',
    late: '逾时完成',
    open: '未完成',
    overdue: '已逾期',
    rate: '准时率',
    satisfaction: '满意度',
    spotCheck: '回访抽查',
    notices: '书面整改通知',
    desk: '接待及电话',
    phone: '电话应答(三声内接听)',
    fees: '收费',
    corrections: '上月数字更正',
    figure: '项目',
    frozenValue: '定稿数字',
    nowValue: '现时数字',
    value: '数字',
    trend: '十二个月准时率',
    cases: '个案',
    none: '没有',
  },
  en: {
    title: 'Monthly service report',
    month: 'Month',
    asOf: 'Figures as of',
    frozen: 'Frozen',
    live: 'Month in progress',
    volumes: 'Cases',
    total: 'Total',
    kind: 'Kind',
    channel: 'Channel',
    repairClass: 'Repair class',
    rules: 'Promises kept',
    rule: 'Rule',
    due: 'Due',
    onTime: 'On time',
    late: 'Late',
    open: 'Open',
    overdue: 'Overdue',
    rate: 'On-time rate',
    satisfaction: 'Satisfaction',
    spotCheck: 'Spot check',
    notices: 'Rectification notices',
    desk: 'Desk and phone',
    phone: 'Phone answering (within three rings)',
    fees: 'Fees',
    corrections: "Corrections to last month's figures",
    figure: 'Figure',
    frozenValue: 'Frozen',
    nowValue: 'Now',
    value: 'Value',
    trend: 'On-time rate, twelve months',
    cases: 'Cases',
    none: 'None',
  },
};

/** Each reported rule's promise in plain words. */
export const RULE_NAMES: Record<ReportLocale, Record<ReportedRule, string>> = {
  'zh-Hant': {
    'R-CP-1': '投訴 72 小時內首次回覆',
    'R-CP-5': '投訴期間定期聯絡住戶',
    'R-FU-1': '維修後按類別回訪',
    'R-FU-2': '滲漏水維修雨後回訪',
    'R-RC-1': '發現問題 24 小時內發出整改通知',
    'R-PH-3': '留言按時回電',
    'R-WK-4': '接待等候不超時',
    'R-FU-5': '每月回訪抽查',
  },
  'zh-Hans': {
    'R-CP-1': '投诉 72 小时内首次回复',
    'R-CP-5': '投诉期间定期联络住户',
    'R-FU-1': '维修后按类别回访',
    'R-FU-2': '渗漏水维修雨后回访',
    'R-RC-1': '发现问题 24 小时内发出整改通知',
    'R-PH-3': '留言按时回电',
    'R-WK-4': '接待等候不超时',
    'R-FU-5': '每月回访抽查',
  },
  en: {
    'R-CP-1': 'First reply to a complaint within 72 h',
    'R-CP-5': 'Keeping the resident informed',
    'R-FU-1': 'Follow-up visit after a repair',
    'R-FU-2': 'Follow-up after the next rain (leaks)',
    'R-RC-1': 'Rectification notice within 24 h',
    'R-PH-3': 'Call-backs on time',
    'R-WK-4': 'Counter waits within the limit',
    'R-FU-5': 'Monthly spot check',
  },
};

/** The phone figures in plain words (R-PH-5); other figures print by their key. */
export const FIGURE_NAMES: Record<ReportLocale, Record<string, string>> = {
  'zh-Hant': {
    'phone.calls': '來電',
    'phone.answered': '已接聽',
    'phone.answeredInTime': '三聲內接聽',
    'phone.missed': '未接來電',
    'phone.inTimeRate': '三聲內接聽率',
    'phone.longestRingSeconds': '最長響鈴(秒)',
    'phone.notLogged': '未記錄的來電',
  },
  'zh-Hans': {
    'phone.calls': '来电',
    'phone.answered': '已接听',
    'phone.answeredInTime': '三声内接听',
    'phone.missed': '未接来电',
    'phone.inTimeRate': '三声内接听率',
    'phone.longestRingSeconds': '最长响铃(秒)',
    'phone.notLogged': '未记录的来电',
  },
  en: {
    'phone.calls': 'Calls',
    'phone.answered': 'Answered',
    'phone.answeredInTime': 'Answered within three rings',
    'phone.missed': 'Missed',
    'phone.inTimeRate': 'Share answered within three rings',
    'phone.longestRingSeconds': 'Longest ring (s)',
    'phone.notLogged': 'Answered, not logged',
  },
};

/** A rate as the report prints it: `97.5%`, or `-` when nothing fell due. */
export function percent(rate: number | null): string {
  return rate === null ? '-' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
