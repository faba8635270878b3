import { DateTime } from 'luxon';
import type { RectificationNotice } from '../contract/followups.js';
import { cjkFont } from '../platform/pdf-font.js';

/**
 * The written rectification notice (R-RC-2) as one A4 page of PDF: the estate's name, the
 * number, case, unit, problem, required action, deadline, issuer and time, receipt, and lines
 * for both signatures. Chinese needs a CJK font with its glyphs embedded: Noto Sans CJK (the
 * `fonts-noto-cjk` package) is looked for where Debian puts it, or at ESTATEDESK_PDF_FONT.
 */
type Locale = 'zh-Hant' | 'zh-Hans' | 'en';
const LABELS: Record<Locale, Record<string, string>> = {
  'zh-Hant': {
    title: '書面整改通知',
    office: '管理處',
    number: '編號',
    case: '個案編號',
    unit: '單元',
    repairClass: '維修類別',
    findingAt: '發現問題時間',
    problem: '發現的問題',
    action: '整改要求',
    deadline: '整改期限',
    recipient: '接收人（維修人員）',
    issuedBy: '簽發人',
    issuedAt: '簽發時間',
    acknowledged: '接收確認',
    notYet: '未確認',
    issuerSign: '簽發人簽署',
    recipientSign: '接收人簽署',
    date: '日期',
    void: '已作廢',
    safety: '安全設施',
    leak: '滲漏水',
    other: '其他',
    footer: '按接待管理方案，回訪發現的問題須於24小時內書面通知維修人員整改。',
  },
  'zh-Hans': {
    title: '书面整改通知',
    office: '管理处',
    number: '编号',
    case: '个案编号',
    unit: '单元',
    repairClass: '维修类别',
    findingAt: '发现问题时间',
    problem: '发现的问题',
    action: '整改要求',
    deadline: '整改期限',
    recipient: '接收人（维修人员）',
    issuedBy: '签发人',
    issuedAt: '签发时间',
    acknowledged: '接收确认',
    notYet: '未确认',
    issuerSign: '签发人签署',
    recipientSign: '接收人签署',
    date: '日期',
    void: '已作废',
    safety: '安全设施',
    leak: '渗漏水',
    other: '其他',
    footer: '按接待管理方案，回访发现的问题须于24小时内书面通知维修人员整改。',
  },
  en: {
    title: 'Written rectification notice (書面整改通知)',
    office: ' management office',
    number: 'No.',
    case: 'Case',
    unit: 'Unit',
    repairClass: 'Repair class',
    findingAt: 'Problem found at',
    problem: 'Problem found',
    action: 'Required action',
    deadline: 'Rectify by',
    recipient: 'Recipient (maintenance)',
    issuedBy: 'Issued by',
    issuedAt: 'Issued at',
    acknowledged: 'Received',
    notYet: 'not yet acknowledged',
    issuerSign: 'Issuer signature',
    recipientSign: 'Recipient signature',
    date: 'Date',
    void: 'VOID',
    safety: 'Safety facility',
    leak: 'Water leak',
    other: 'Other',
    footer: 'Under the reception plan, a problem found at a follow-up is notified in writing to maintenance within 24 hours.',
  },
};

export async function noticePdf(n: RectificationNotice, opts: { timeZone: string; locale: string }): Promise<Buffer> {
  // Loaded when the first notice is printed: the PDF library is a large part of the start-up time.
  const { default: PDFDocument } = await import('pdfkit');
  const L = LABELS[(opts.locale in LABELS ? opts.locale : 'zh-Hant') as Locale];
  const when = (iso: string | null) => (iso ? DateTime.fromISO(iso, { zone: opts.timeZone }).toFormat('yyyy-MM-dd HH:mm') : '');
  const [fontFile, family] = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 48, left: 56, right: 56 },
    info: { Title: `${L.title} ${n.code}`, Author: n.officeName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontFile, family);
  doc.font('cjk');

  const width = doc.page.width - 112;
  const left = 56;
  doc.fontSize(13).text(`${n.estateName}  ${n.officeName}${L.office}`, { align: 'center', width });
  doc.moveDown(0.3);
  doc.fontSize(20).text(L.title as string, { align: 'center', width });
  doc.moveDown(0.2);
  doc.fontSize(12).text(`${L.number} ${n.code}`, { align: 'center', width });
  if (n.status === 'void') {
    doc.moveDown(0.2);
    doc
      .fillColor('#b00020')
      .fontSize(12)
      .text(`${L.void}: ${n.voidReason ?? ''}`, { align: 'center', width });
    doc.fillColor('black');
  }
  doc.moveDown(1);

  const unit = n.unit ? `${n.unit.buildingName} ${n.unit.number}` : '-';
  const rows: [string, string, number?][] = [
    [L.case as string, n.caseNumber],
    [L.unit as string, unit],
    [L.repairClass as string, L[n.repairClass] ?? n.repairClass],
    [L.findingAt as string, when(n.findingAt)],
    [L.problem as string, n.problem, 130],
    [L.action as string, n.requiredAction, 130],
    [L.deadline as string, when(n.deadlineAt)],
    [L.recipient as string, n.recipient.name],
    [L.issuedBy as string, n.issuedBy.name],
    [L.issuedAt as string, when(n.issuedAt)],
    [L.acknowledged as string, n.acknowledgedAt ? `${n.acknowledgedBy?.name ?? ''} ${when(n.acknowledgedAt)}` : (L.notYet as string)],
  ];
  const labelWidth = 130;
  doc.fontSize(11);
  for (const [label, value, maxHeight] of rows) {
    const y = doc.y;
    doc.text(label, left, y, { width: labelWidth - 8 });
    const valueOpts = { width: width - labelWidth, ...(maxHeight && { height: maxHeight, ellipsis: true }) };
    doc.text(value || '-', left + labelWidth, y, valueOpts);
    const bottom = Math.max(doc.y, y + 16);
    doc
      .moveTo(left, bottom + 4)
      .lineTo(left + width, bottom + 4)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.y = bottom + 10;
  }

  // Signature lines: the issuer and the recipient sign the printed copy.
  doc.y = Math.max(doc.y + 30, doc.page.height - 230);
  for (const label of [L.issuerSign, L.recipientSign]) {
    const y = doc.y;
    doc.fontSize(11).text(`${label}:`, left, y, { width: 120 });
    doc
      .moveTo(left + 120, y + 14)
      .lineTo(left + 300, y + 14)
      .lineWidth(0.8)
      .strokeColor('black')
      .stroke();
    doc.text(`${L.date}:`, left + 320, y, { width: 60 });
    doc
      .moveTo(left + 370, y + 14)
      .lineTo(left + width, y + 14)
      .stroke();
    doc.y = y + 44;
  }
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text(L.footer as string, left, doc.page.height - 80, { width, align: 'center' });
  doc.end();
  return done;
}
