import { DateTime } from 'luxon';
import type { FeePayment } from '../contract/fees.js';
import { capitalAmount, figuresAmount } from '../contract/money.js';
import { cjkFont } from '../platform/pdf-font.js';

/**
 * Printed fee papers: the receipt (R-FE-2) on one A5 page, stamped VOID when voided, and the
 * reminder letter to a unit in arrears on one A4 page. Both embed the Chinese font's glyphs.
 */
type Locale = 'zh-Hant' | 'zh-Hans' | 'en';
type Labels = Record<
  | 'receipt'
  | 'number'
  | 'unit'
  | 'payer'
  | 'item'
  | 'amount'
  | 'total'
  | 'inWords'
  | 'method'
  | 'reference'
  | 'cashier'
  | 'receivedAt'
  | 'void'
  | 'reminder'
  | 'reminderTo'
  | 'reminderBody'
  | 'owedSince'
  | 'reminderClose'
  | 'office'
  | 'asOf'
  | 'cash'
  | 'card'
  | 'bank_transfer'
  | 'fps'
  | 'ewallet',
  string
>;

const LABELS: Record<Locale, Labels> = {
  'zh-Hant': {
    receipt: '收據',
    number: '收據編號',
    unit: '單位',
    payer: '繳款人',
    item: '項目',
    amount: '金額',
    total: '合計',
    inWords: '金額（大寫）',
    method: '付款方式',
    reference: '參考編號',
    cashier: '收款人',
    receivedAt: '收款時間',
    void: '作廢',
    reminder: '欠款提示信',
    reminderTo: '致 {unit} 業戶／住戶：',
    reminderBody: '根據管理處紀錄，截至 {asOf}，貴單位尚欠下列款項，合共 {total}。請於收信後十四天內到管理處繳付。如已繳付，請忽略此信。',
    owedSince: '到期日',
    reminderClose: '如有查詢，請聯絡管理處。',
    office: '管理處',
    asOf: '日期',
    cash: '現金',
    card: '信用卡／易辦事',
    bank_transfer: '銀行轉賬',
    fps: '轉數快',
    ewallet: '電子錢包',
  },
  'zh-Hans': {
    receipt: '收据',
    number: '收据编号',
    unit: '单位',
    payer: '缴款人',
    item: '项目',
    amount: '金额',
    total: '合计',
    inWords: '金额（大写）',
    method: '付款方式',
    reference: '参考编号',
    cashier: '收款人',
    receivedAt: '收款时间',
    void: '作废',
    reminder: '欠款提示信',
    reminderTo: '致 {unit} 业户／住户：',
    reminderBody: '根据管理处记录，截至 {asOf}，贵单位尚欠下列款项，合共 {total}。请于收信后十四天内到管理处缴付。如已缴付，请忽略此信。',
    owedSince: '到期日',
    reminderClose: '如有查询，请联络管理处。',
    office: '管理处',
    asOf: '日期',
    cash: '现金',
    card: '信用卡／易办事',
    bank_transfer: '银行转账',
    fps: '转数快',
    ewallet: '电子钱包',
  },
  en: {
    receipt: 'Receipt',
    number: 'Receipt No.',
    unit: 'Unit',
    payer: 'Received from',
    item: 'Item',
    amount: 'Amount',
    total: 'Total',
    inWords: 'Amount in words',
    method: 'Paid by',
    reference: 'Reference',
    cashier: 'Cashier',
    receivedAt: 'Received at',
    void: 'VOID',
    reminder: 'Reminder of fees outstanding',
    reminderTo: 'To the owner or occupier of {unit}:',
    reminderBody:
      'Our records show that as of {asOf} the following charges of your unit, {total} in all, are unpaid. Please pay them at the management office within 14 days. If you have paid, please ignore this letter.',
    owedSince: 'Due on',
    reminderClose: 'For any question, please contact the management office.',
    office: ' management office',
    asOf: 'Date',
    cash: 'Cash',
    card: 'Card / EPS',
    bank_transfer: 'Bank transfer',
    fps: 'FPS',
    ewallet: 'E-wallet',
  },
};

const labelsFor = (locale: string): Labels => LABELS[(locale in LABELS ? locale : 'zh-Hant') as Locale];
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

async function document(size: 'A4' | 'A5', title: string, author: string) {
  // Loaded when the first paper is printed: the PDF library is a large part of the start-up time.
  const { default: PDFDocument } = await import('pdfkit');
  const [fontFile, family] = cjkFont();
  const margin = size === 'A5' ? 36 : 56;
  const doc = new PDFDocument({
    size,
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    info: { Title: title, Author: author },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontFile, family);
  doc.font('cjk');
  return { doc, done, margin, width: doc.page.width - margin * 2 };
}

/** R-FE-2: the receipt on one A5 page: estate, unit, payer, items, amount in figures and words, cashier and time. */
export async function receiptPdf(p: FeePayment, opts: { officeName: string; timeZone: string; locale: string }): Promise<Buffer> {
  const L = labelsFor(opts.locale);
  const { doc, done, margin, width } = await document('A5', `${L.receipt} ${p.receiptNumber}`, opts.officeName);
  const money = (minor: number) => figuresAmount(minor, p.currency, opts.locale === 'en' ? 'en-HK' : 'zh-HK');
  doc.fontSize(12).text(`${p.estateName}  ${opts.officeName}`, { align: 'center', width });
  doc.moveDown(0.2);
  doc.fontSize(18).text(L.receipt, { align: 'center', width });
  doc.fontSize(10).text(`${L.number} ${p.receiptNumber}`, { align: 'center', width });
  doc.moveDown(0.6);
  const rows: [string, string][] = [
    [L.unit, `${p.unit.buildingName} ${p.unit.number}`],
    [L.payer, p.payer],
    [L.receivedAt, DateTime.fromISO(p.receivedAt, { zone: opts.timeZone }).toFormat('yyyy-MM-dd HH:mm')],
    [L.method, L[p.method]],
    ...(p.reference ? [[L.reference, p.reference] as [string, string]] : []),
  ];
  doc.fontSize(10);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, margin, y, { width: 90 });
    doc.text(value, margin + 90, y, { width: width - 90 });
    doc.y = Math.max(doc.y, y + 14) + 2;
  }
  doc.moveDown(0.5);
  const itemsTop = doc.y;
  doc.text(L.item, margin, itemsTop, { width: width - 110 });
  doc.text(L.amount, margin + width - 110, itemsTop, { width: 110, align: 'right' });
  doc
    .moveTo(margin, doc.y + 2)
    .lineTo(margin + width, doc.y + 2)
    .lineWidth(0.5)
    .stroke();
  doc.y += 6;
  // At most 12 lines keep the receipt on its one page; the rest are summed in one line.
  const shown = p.allocations.slice(0, 12);
  const rest = p.allocations.slice(12).reduce((s, a) => s + a.amount, 0);
  for (const a of shown) {
    const y = doc.y;
    doc.text(a.description, margin, y, { width: width - 110, height: 14, ellipsis: true });
    doc.text(money(a.amount), margin + width - 110, y, { width: 110, align: 'right' });
    doc.y = y + 15;
  }
  if (rest > 0) {
    const y = doc.y;
    doc.text(`… ${p.allocations.length - shown.length}`, margin, y, { width: width - 110 });
    doc.text(money(rest), margin + width - 110, y, { width: 110, align: 'right' });
    doc.y = y + 15;
  }
  doc
    .moveTo(margin, doc.y + 2)
    .lineTo(margin + width, doc.y + 2)
    .stroke();
  doc.y += 6;
  const totalY = doc.y;
  doc.fontSize(12).text(L.total, margin, totalY, { width: width - 140 });
  doc.text(money(p.amount), margin + width - 140, totalY, { width: 140, align: 'right' });
  doc.moveDown(0.4);
  doc.fontSize(10).text(`${L.inWords}: ${capitalAmount(p.amount, p.currency)}`, margin, doc.y, { width });
  doc.moveDown(1.2);
  doc.text(`${L.cashier}: ${p.cashierName}`, margin, doc.y, { width });
  if (p.voided) {
    doc.save();
    doc.rotate(-20, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .fontSize(64)
      .fillColor('#b00020')
      .opacity(0.5)
      .text(`${L.void} VOID`, 0, doc.page.height / 2 - 40, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.restore();
    doc
      .opacity(1)
      .fillColor('#b00020')
      .fontSize(9)
      .text(`${L.void}: ${p.void?.reason ?? ''}`, margin, doc.page.height - margin - 24, { width, height: 24, ellipsis: true });
  }
  doc.end();
  return done;
}

export interface ReminderLine {
  description: string;
  chargedOn: string;
  outstanding: number;
}

/** R-FE-3: the reminder letter to a unit in arrears, one A4 page. */
export async function reminderPdf(r: {
  estateName: string;
  officeName: string;
  unitLabel: string;
  asOf: string;
  currency: string;
  total: number;
  lines: ReminderLine[];
  locale: string;
}): Promise<Buffer> {
  const L = labelsFor(r.locale);
  const { doc, done, margin, width } = await document('A4', `${L.reminder} ${r.unitLabel}`, r.officeName);
  const money = (minor: number) => figuresAmount(minor, r.currency, r.locale === 'en' ? 'en-HK' : 'zh-HK');
  doc.fontSize(13).text(`${r.estateName}  ${r.officeName}${r.locale === 'en' ? L.office : ''}`, { align: 'center', width });
  doc.moveDown(0.3);
  doc.fontSize(20).text(L.reminder, { align: 'center', width });
  doc.moveDown(0.3);
  doc.fontSize(11).text(`${L.asOf}: ${r.asOf}`, { align: 'right', width });
  doc.moveDown(1);
  doc.text(fill(L.reminderTo, { unit: r.unitLabel }), { width });
  doc.moveDown(0.5);
  doc.text(fill(L.reminderBody, { asOf: r.asOf, total: money(r.total) }), { width });
  doc.moveDown(1);
  const cols = [width - 230, 110, 120];
  const row = (cells: string[], y: number) => {
    doc.text(cells[0] ?? '', margin, y, { width: (cols[0] ?? 0) - 8, height: 15, ellipsis: true });
    doc.text(cells[1] ?? '', margin + (cols[0] ?? 0), y, { width: cols[1] ?? 0 });
    doc.text(cells[2] ?? '', margin + (cols[0] ?? 0) + (cols[1] ?? 0), y, { width: cols[2] ?? 0, align: 'right' });
    doc.y = y + 17;
  };
  row([L.item, L.owedSince, L.amount], doc.y);
  const shown = r.lines.slice(0, 30);
  for (const line of shown) row([line.description, line.chargedOn, money(line.outstanding)], doc.y);
  if (r.lines.length > shown.length)
    row([`… ${r.lines.length - shown.length}`, '', money(r.lines.slice(30).reduce((s, l) => s + l.outstanding, 0))], doc.y);
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + width, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += 4;
  row([L.total, '', money(r.total)], doc.y);
  doc.moveDown(1);
  doc.text(L.reminderClose, margin, doc.y, { width });
  doc.moveDown(2);
  doc.text(`${r.officeName}${r.locale === 'en' ? L.office : ''}`, { align: 'right', width });
  doc.end();
  return done;
}
