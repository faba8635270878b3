import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { MonthlyReport } from '../../contract/reports.js';
import type { AppContext } from '../../platform/context.js';
import { cjkFont } from '../../platform/pdf-font.js';
import { FIGURE_NAMES, percent, type ReportLocale, RULE_NAMES, WORDS } from './labels.js';
import { flatFigures, monthlyReport } from './monthly-report.js';

/** The monthly report as a file: an XLSX workbook (figures, rules, trend, corrections) or an A4 PDF. */
export async function monthlyReportFile(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; month: string; asOf?: string | undefined; locale?: string | undefined; format: 'xlsx' | 'pdf' },
): Promise<{ file: Buffer; name: string }> {
  requireAbility(opts.actor, opts.estateId, 'report.export');
  const report = await monthlyReport(ctx, { actor: opts.actor, estateId: opts.estateId, month: opts.month, asOf: opts.asOf });
  const locale = (
    ['zh-Hant', 'zh-Hans', 'en'].includes(opts.locale ?? opts.actor.locale) ? (opts.locale ?? opts.actor.locale) : 'zh-Hant'
  ) as ReportLocale;
  const name = `${report.estate.code}-report-${report.month}`;
  return { file: opts.format === 'xlsx' ? await reportWorkbook(report, locale) : await reportPdf(report, locale), name };
}

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');

function headline(r: MonthlyReport, w: (typeof WORDS)[ReportLocale]): string {
  const state = r.frozenAt ? `${w.frozen} ${at(r.frozenAt, r.estate.timeZone)}` : w.live;
  return `${w.month} ${r.month} · ${w.asOf} ${at(r.asOf, r.estate.timeZone)} · ${state}`;
}

async function reportWorkbook(r: MonthlyReport, locale: ReportLocale): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const w = WORDS[locale];
  const book = new Excel.Workbook();
  const summary = book.addWorksheet(w.title);
  summary.addRow([`${r.estate.name} ${w.title}`]).font = { bold: true, size: 14 };
  summary.addRow([headline(r, w)]);
  summary.addRow([]);
  summary.addRow([w.rule, '', w.due, w.onTime, w.late, w.open, w.overdue, w.rate]).font = { bold: true };
  for (const x of r.figures.rules)
    summary.addRow([x.rule, RULE_NAMES[locale][x.rule], x.due, x.onTime, x.late, x.open, x.overdue, percent(x.onTimeRate)]);
  summary.addRow([]);
  summary.addRow([w.figure, w.value]).font = { bold: true };
  for (const [figure, value] of flatFigures(r.figures))
    if (!figure.startsWith('rules.')) summary.addRow([figure, value, FIGURE_NAMES[locale][figure] ?? '']);
  summary.getColumn(1).width = 36;
  summary.getColumn(2).width = 34;
  const trend = book.addWorksheet(w.trend);
  trend.addRow([w.month, w.cases, ...r.figures.rules.map((x) => x.rule)]).font = { bold: true };
  for (const t of r.trend) trend.addRow([t.month, t.cases, ...t.rates.map((x) => percent(x.onTimeRate))]);
  const corrections = book.addWorksheet(w.corrections);
  corrections.addRow([w.month, w.figure, w.frozenValue, w.nowValue]).font = { bold: true };
  for (const c of r.corrections) corrections.addRow([c.month, c.figure, c.frozen, c.now]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function reportPdf(r: MonthlyReport, locale: ReportLocale): Promise<Buffer> {
  const w = WORDS[locale];
  const [file, family] = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${r.estate.name} ${w.title} ${r.month}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', file, family);
  doc.font('cjk');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(16).text(`${r.estate.name} ${w.title}`, { width });
  doc.fontSize(9).fillColor('#555').text(headline(r, w), { width }).fillColor('black').moveDown(0.8);

  const row = (cells: string[], widths: number[], bold = false) => {
    const y = doc.y;
    let x = left;
    doc.fontSize(bold ? 9.5 : 9);
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: (widths[i] as number) - 4, lineBreak: false, ellipsis: true });
      x += widths[i] as number;
    });
    doc.x = left;
    doc.y = y + 15;
  };
  const section = (title: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.5).fontSize(12).text(title, left, doc.y, { width }).moveDown(0.3);
  };

  section(w.rules);
  const widths = [50, 175, 45, 45, 55, 50, 50, 45];
  row([w.rule, '', w.due, w.onTime, w.late, w.open, w.overdue, w.rate], widths, true);
  for (const x of r.figures.rules)
    row(
      [x.rule, RULE_NAMES[locale][x.rule], `${x.due}`, `${x.onTime}`, `${x.late}`, `${x.open}`, `${x.overdue}`, percent(x.onTimeRate)],
      widths,
    );
  // A bar per rule: the on-time share of what fell due.
  doc.moveDown(0.4);
  for (const x of r.figures.rules) {
    const y = doc.y;
    doc.fontSize(8).text(x.rule, left, y, { width: 50, lineBreak: false });
    doc
      .rect(left + 55, y + 1, 300, 7)
      .fillColor('#eee')
      .fill();
    if (x.onTimeRate !== null)
      doc
        .rect(left + 55, y + 1, 300 * x.onTimeRate, 7)
        .fillColor('#3b7d4f')
        .fill();
    doc.fillColor('black').text(percent(x.onTimeRate), left + 362, y, { width: 60, lineBreak: false });
    doc.x = left;
    doc.y = y + 11;
  }

  const figures = [...flatFigures(r.figures)].filter(([k]) => !k.startsWith('rules.'));
  const groups: [string, string][] = [
    ['volumes.', w.volumes],
    ['satisfaction.', w.satisfaction],
    ['spotCheck.', w.spotCheck],
    ['notices.', w.notices],
    ['desk.', w.desk],
    ['phone.', w.phone],
    ['fees.', w.fees],
  ];
  for (const [prefix, title] of groups) {
    section(title);
    const items = figures.filter(([k]) => k.startsWith(prefix));
    for (let i = 0; i < items.length; i += 2) {
      const pair = items.slice(i, i + 2).flatMap(([k, v]) => [FIGURE_NAMES[locale][k] ?? k.slice(prefix.length), `${v}`]);
      row(pair, [170, 87, 170, 87]);
    }
  }
  section(w.corrections);
  if (!r.corrections.length) row([w.none], [width]);
  for (const c of r.corrections) row([c.month, c.figure, `${w.frozenValue} ${c.frozen}`, `${w.nowValue} ${c.now}`], [60, 220, 120, 120]);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
