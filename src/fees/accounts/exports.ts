import type { Actor } from '../../auth/index.js';
import type { AgeBand } from '../../contract/fees.js';
import { minorDigits } from '../../contract/money.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { writeSheet } from '../../platform/tabular.js';
import { requireEstateRecord } from '../items/access.js';
import { dayIn } from '../rules.js';
import { arrearsOf } from './arrears-of.js';
import { feeStatement } from './statement.js';

type Locale = 'zh-Hant' | 'zh-Hans' | 'en';
const HEADERS: Record<Locale, { statement: string[]; arrears: string[]; opening: string; closing: string; kinds: Record<string, string> }> =
  {
    'zh-Hant': {
      statement: ['日期', '類別', '說明', '收據編號', '應收', '已收', '結餘'],
      arrears: ['座', '單位', '欠款總額', '0–30日', '31–90日', '91–180日', '180日以上', '最早到期日'],
      opening: '承上結餘',
      closing: '結餘',
      kinds: { charge: '收費', payment: '繳款', void: '作廢' },
    },
    'zh-Hans': {
      statement: ['日期', '类别', '说明', '收据编号', '应收', '已收', '结余'],
      arrears: ['座', '单位', '欠款总额', '0–30日', '31–90日', '91–180日', '180日以上', '最早到期日'],
      opening: '承上结余',
      closing: '结余',
      kinds: { charge: '收费', payment: '缴款', void: '作废' },
    },
    en: {
      statement: ['Date', 'Kind', 'Description', 'Receipt', 'Charged', 'Paid', 'Balance'],
      arrears: ['Building', 'Unit', 'Total owed', '0–30 days', '31–90 days', '91–180 days', 'Over 180 days', 'Oldest due'],
      opening: 'Brought forward',
      closing: 'Balance',
      kinds: { charge: 'Charge', payment: 'Payment', void: 'Void' },
    },
  };
const headersFor = (locale: string) => HEADERS[(locale in HEADERS ? locale : 'zh-Hant') as Locale];
const BANDS: AgeBand[] = ['d0_30', 'd31_90', 'd91_180', 'd181_plus'];

/** Amounts in the sheets are in major units (HK$ with cents), as the office reads them. */
const major = (minor: number, perMajor: number) => minor / perMajor;

/** R-FE-3: a unit's statement of months as XLSX. */
export async function exportFeeStatement(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; unitId: string; from: string; to: string },
): Promise<{ file: Buffer; name: string }> {
  const s = await feeStatement(ctx, opts);
  const H = headersFor(opts.actor.locale);
  const perMajor = 10 ** minorDigits(s.currency);
  const m = (n: number) => major(n, perMajor);
  const rows: (string | number | null)[][] = [
    [null, null, H.opening, null, null, null, m(s.openingBalance)],
    ...s.lines.map((l) => [
      l.on,
      H.kinds[l.kind] ?? l.kind,
      l.description,
      l.receiptNumber,
      l.debit ? m(l.debit) : null,
      l.credit ? m(l.credit) : null,
      m(l.balance),
    ]),
    [null, null, H.closing, null, m(s.charges), m(s.payments), m(s.closingBalance)],
  ];
  const file = await writeSheet('xlsx', 'statement', H.statement, rows);
  return { file, name: `statement-${s.unit.buildingName}-${s.unit.number}-${s.from}-${s.to}` };
}

/** R-FE-3: the estate's arrears by unit and age band as XLSX. */
export async function exportFeeArrears(
  ctx: AppContext,
  opts: { actor: Actor; estateId: string; asOf?: string | undefined },
): Promise<{ file: Buffer; name: string }> {
  await requireEstateRecord(ctx, opts.actor, opts.estateId, 'fee.arrears.read');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const asOf = opts.asOf ?? dayIn(ctx.clock.now(), estate.timeZone);
  const { items } = await arrearsOf(ctx.db, opts.estateId, asOf);
  const perMajor = 10 ** minorDigits(estate.policy.currency);
  const m = (n: number) => major(n, perMajor);
  const rows = items.map((i) => [i.unit.building_name, i.unit.number, m(i.total), ...BANDS.map((b) => m(i.bands[b])), i.oldest]);
  const file = await writeSheet('xlsx', 'arrears', headersFor(opts.actor.locale).arrears, rows);
  return { file, name: `arrears-${asOf}` };
}
