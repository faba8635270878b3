import type { FeeBasis, FeeItem } from '../contract/fees.js';
import { minorUnitsPerMajor } from '../fees/index.js';
import { escapeHtml as e, type PageLang } from './render.js';

/** R-PB-1: the fee items and rates in force (收費項目和標準), each with the day it took effect. */
const WORDS: Record<
  PageLang,
  {
    title: string;
    item: string;
    basis: string;
    rate: string;
    since: string;
    approval: string;
    none: string;
    bases: Record<FeeBasis, string>;
  }
> = {
  'zh-Hant': {
    title: '收費項目和標準',
    item: '項目',
    basis: '收費基準',
    rate: '收費標準',
    since: '生效日期',
    approval: '批准文件',
    none: '管理處尚未公佈收費項目。',
    bases: { per_m2_month: '每平方米每月', per_unit_month: '每單位每月', per_use: '每次', fixed: '定額' },
  },
  'zh-Hans': {
    title: '收费项目和标准',
    item: '项目',
    basis: '收费基准',
    rate: '收费标准',
    since: '生效日期',
    approval: '批准文件',
    none: '管理处尚未公布收费项目。',
    bases: { per_m2_month: '每平方米每月', per_unit_month: '每单位每月', per_use: '每次', fixed: '定额' },
  },
  en: {
    title: 'Fee items and rates',
    item: 'Item',
    basis: 'Basis',
    rate: 'Rate',
    since: 'In force since',
    approval: 'Approved by',
    none: 'The office has not published its fee items yet.',
    bases: { per_m2_month: 'per m² per month', per_unit_month: 'per unit per month', per_use: 'per use', fixed: 'fixed' },
  },
};

/** A rate in minor units as money in the page's language: 285 HKD reads HK$2.85. */
export function money(lang: PageLang, rate: number, currency: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(rate / minorUnitsPerMajor(currency));
}

export function feeSection(lang: PageLang, items: readonly FeeItem[]): string {
  const w = WORDS[lang];
  const head = `<h2 id="fees">${e(w.title)}</h2>`;
  if (items.length === 0) return `${head}\n<p>${e(w.none)}</p>`;
  const name = (i: FeeItem) => (lang === 'en' && i.nameEn ? i.nameEn : i.name);
  const rows = items
    .map(
      (i) =>
        `<tr><td>${e(name(i))}</td><td>${e(w.bases[i.basis])}</td><td class="num">${e(money(lang, i.rate, i.currency))}</td><td>${e(
          i.effectiveFrom,
        )}</td><td>${e(i.approvalRef ?? '')}</td></tr>`,
    )
    .join('\n');
  return `${head}
<table class="fees"><thead><tr><th>${e(w.item)}</th><th>${e(w.basis)}</th><th>${e(w.rate)}</th><th>${e(w.since)}</th><th>${e(w.approval)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}
