import type { Announcement, PageChange, PageContent, PagePolicyFigures } from '../contract/publicpage.js';

/**
 * R-PB-1: the estate's public page as plain HTML: no script, printable, every text escaped.
 * The procedures' times come from the policy figures handed in, so the page says what the
 * system enforces.
 */
export type PageLang = 'zh-Hant' | 'zh-Hans' | 'en';
export const PAGE_LANGS: readonly PageLang[] = ['zh-Hant', 'zh-Hans', 'en'];

export function pageLang(value: unknown): PageLang {
  return PAGE_LANGS.includes(value as PageLang) ? (value as PageLang) : 'zh-Hant';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const WORDS = {
  'zh-Hant': {
    langName: '繁體',
    sep: '：',
    title: '公開資訊',
    officeHours: '辦公時間',
    phone: '管理處電話',
    hotline: '24 小時監督投訴電話',
    procedures: '辦事制度',
    repair: '如何報修',
    complaint: '如何投訴',
    notes: '其他資訊',
    announcements: '公告',
    urgent: '緊急',
    noAnnouncements: '暫時沒有公告。',
    from: '由',
    until: '至',
    hours: (h: number) => `${h} 小時`,
    complaintReply: (h: string) => `每宗投訴，以及經監督投訴電話收到的個案，管理處會在 ${h}內首次回覆。`,
    followUp: (s: string, l: string, o: string) => `維修完成後，管理處會回訪：安全設施 ${s}內，滲漏水 ${l}內，其他 ${o}內。`,
    afterRain: (h: string) => `滲漏水維修完成後，下一場雨停後 ${h}內再回訪一次。`,
    versions: '歷次版本',
    version: (n: number) => `第 ${n} 版`,
    published: (at: string, by: string) => `${at} 由${by}發佈`,
    changes: '與上一版比較的改動',
    firstVersion: '首個版本。',
    current: '現行頁面',
    preview: '預覽：尚未發佈',
    notPublished: '管理處尚未發佈公開資訊。',
    fields: {
      'content.phone': '管理處電話',
      'content.hotline': '監督投訴電話',
      officeHours: '辦公時間',
      repairProcedure: '如何報修',
      complaintProcedure: '如何投訴',
      notes: '其他資訊',
      'policy.complaintReplyHours': '投訴回覆時限',
      'policy.followUpHours.safety': '安全設施維修回訪時限',
      'policy.followUpHours.leak': '滲漏水維修回訪時限',
      'policy.followUpHours.other': '其他維修回訪時限',
      'policy.afterRainFollowUpHours': '雨後回訪時限',
    } as Record<string, string>,
  },
  'zh-Hans': {
    langName: '简体',
    sep: '：',
    title: '公开信息',
    officeHours: '办公时间',
    phone: '管理处电话',
    hotline: '24 小时监督投诉电话',
    procedures: '办事制度',
    repair: '如何报修',
    complaint: '如何投诉',
    notes: '其他信息',
    announcements: '公告',
    urgent: '紧急',
    noAnnouncements: '暂时没有公告。',
    from: '从',
    until: '至',
    hours: (h: number) => `${h} 小时`,
    complaintReply: (h: string) => `每一宗投诉，以及经监督投诉电话收到的个案，管理处会在 ${h}内首次回复。`,
    followUp: (s: string, l: string, o: string) => `维修完成后，管理处会回访：安全设施 ${s}内，渗漏水 ${l}内，其他 ${o}内。`,
    afterRain: (h: string) => `渗漏水维修完成后，下一场雨停后 ${h}内再回访一次。`,
    versions: '历次版本',
    version: (n: number) => `第 ${n} 版`,
    published: (at: string, by: string) => `${at} 由${by}发布`,
    changes: '与上一版相比的改动',
    firstVersion: '首个版本。',
    current: '现行页面',
    preview: '预览：尚未发布',
    notPublished: '管理处尚未发布公开信息。',
    fields: {
      'content.phone': '管理处电话',
      'content.hotline': '监督投诉电话',
      officeHours: '办公时间',
      repairProcedure: '如何报修',
      complaintProcedure: '如何投诉',
      notes: '其他信息',
      'policy.complaintReplyHours': '投诉回复时限',
      'policy.followUpHours.safety': '安全设施维修回访时限',
      'policy.followUpHours.leak': '渗漏水维修回访时限',
      'policy.followUpHours.other': '其他维修回访时限',
      'policy.afterRainFollowUpHours': '雨后回访时限',
    } as Record<string, string>,
  },
  en: {
    langName: 'English',
    sep: ': ',
    title: 'Public information',
    officeHours: 'Office hours',
    phone: 'Office phone',
    hotline: '24-hour supervision and complaint hotline',
    procedures: 'How we work',
    repair: 'How to report a repair',
    complaint: 'How to make a complaint',
    notes: 'Other information',
    announcements: 'Announcements',
    urgent: 'Urgent',
    noAnnouncements: 'No announcements at the moment.',
    from: 'from',
    until: 'until',
    hours: (h: number) => `${h} hours`,
    complaintReply: (h: string) =>
      `Every complaint, and every case received on the complaint hotline, gets a first reply from the office within ${h}.`,
    followUp: (s: string, l: string, o: string) =>
      `After a repair is completed the office follows it up: safety equipment within ${s}, leaks within ${l}, other repairs within ${o}.`,
    afterRain: (h: string) => `After a leak repair, the office follows up again within ${h} after the next rain ends.`,
    versions: 'Earlier versions',
    version: (n: number) => `Version ${n}`,
    published: (at: string, by: string) => `published ${at} by ${by}`,
    changes: 'Changed from the previous version',
    firstVersion: 'The first version.',
    current: 'Current page',
    preview: 'Preview: not yet published',
    notPublished: 'The office has not published its information yet.',
    fields: {
      'content.phone': 'office phone',
      'content.hotline': 'complaint hotline',
      officeHours: 'office hours',
      repairProcedure: 'how to report a repair',
      complaintProcedure: 'how to make a complaint',
      notes: 'other information',
      'policy.complaintReplyHours': 'reply time for complaints',
      'policy.followUpHours.safety': 'follow-up time for safety repairs',
      'policy.followUpHours.leak': 'follow-up time for leaks',
      'policy.followUpHours.other': 'follow-up time for other repairs',
      'policy.afterRainFollowUpHours': 'follow-up time after rain',
    } as Record<string, string>,
  },
} as const;

const LANG_ATTR: Record<PageLang, string> = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en' };

export interface PageEstate {
  /** The page's address part: the estate's code. */
  key: string;
  name: string;
  officeName: string;
  address: string;
  timeZone: string;
}

const e = escapeHtml;

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function when(at: string, timeZone: string, lang: PageLang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang === 'zh-Hans' ? 'zh-CN' : 'zh-HK', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(at));
}

function layout(lang: PageLang, title: string, body: string, switchTo: (l: PageLang) => string): string {
  const links = PAGE_LANGS.map((l) =>
    l === lang
      ? `<strong>${e(WORDS[l].langName)}</strong>`
      : `<a href="${e(switchTo(l))}" hreflang="${LANG_ATTR[l]}">${e(WORDS[l].langName)}</a>`,
  ).join(' | ');
  return `<!doctype html>
<html lang="${LANG_ATTR[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body{font-family:"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.6;color:#222}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;border-bottom:1px solid #ccc;margin-top:1.5rem}
.langs{text-align:right;font-size:.9rem}.urgent{border:2px solid #b00020;padding:.5rem;margin:.5rem 0}
.urgent .tag{color:#fff;background:#b00020;padding:0 .4rem;margin-right:.4rem}.announcement{padding:.5rem 0;border-bottom:1px dashed #ccc}
.dates{color:#555;font-size:.9rem}.banner{background:#fff3cd;padding:.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}
@media print{.langs,nav{display:none}a{color:inherit;text-decoration:none}}
</style>
</head>
<body>
<nav class="langs">${links}</nav>
${body}
</body>
</html>
`;
}

export interface PageView {
  estate: PageEstate;
  lang: PageLang;
  content: PageContent | null;
  policy: PagePolicyFigures;
  announcements: Announcement[];
  /** A version page: its number, who and when, and what changed. */
  version?: { number: number; publishedAt: string; publishedBy: string; changes: PageChange[] } | undefined;
  preview?: boolean;
  /** Sections rendered elsewhere (the fee schedule), placed after the procedures. */
  sections?: readonly string[];
  /** The address of this page, without the query. */
  path: string;
  /** The live page's address, for the links to the versions. */
  basePath: string;
}

function announcementsSection(w: (typeof WORDS)[PageLang], list: Announcement[]): string {
  if (list.length === 0) return `<p>${e(w.noAnnouncements)}</p>`;
  const sorted = [...list].sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.fromDate.localeCompare(a.fromDate));
  return sorted
    .map((a) => {
      const dates = `${e(w.from)} ${e(a.fromDate)}${a.untilDate ? ` ${e(w.until)} ${e(a.untilDate)}` : ''}`;
      const tag = a.urgent ? `<span class="tag">${e(w.urgent)}</span>` : '';
      return `<article class="announcement${a.urgent ? ' urgent' : ''}"><h3>${tag}${e(a.title)}</h3><div class="dates">${dates}</div>${paragraphs(a.body)}</article>`;
    })
    .join('\n');
}

function fieldLabel(w: (typeof WORDS)[PageLang], field: string): string {
  const direct = w.fields[field];
  if (direct) return direct;
  const [, name, lang] = field.split('.');
  const label = name ? w.fields[name] : undefined;
  return label ? `${label} (${lang ?? ''})` : field;
}

export function changeLines(lang: PageLang, changes: PageChange[]): string[] {
  const w = WORDS[lang];
  return changes.map((c) => {
    const isHours = c.field.startsWith('policy.');
    const show = (v: string) => (isHours && v !== '' ? w.hours(Number(v)) : v === '' ? '—' : v);
    return `${fieldLabel(w, c.field)}${w.sep}${show(c.before)} -> ${show(c.after)}`;
  });
}

export function renderPage(view: PageView): string {
  const { estate, lang, content, policy } = view;
  const w = WORDS[lang];
  const h = (n: number) => w.hours(n);
  const text = (t: { [L in PageLang]: string } | undefined) => (t ? t[lang] : '');
  const parts: string[] = [];
  if (view.preview) parts.push(`<p class="banner">${e(w.preview)}</p>`);
  parts.push(`<h1>${e(estate.name)}${e(w.sep)}${e(w.title)}</h1>`, `<p>${e(estate.officeName)}　${e(estate.address)}</p>`);
  if (view.version) {
    const v = view.version;
    parts.push(
      `<p class="banner">${e(w.version(v.number))}${e(w.sep)}${e(w.published(when(v.publishedAt, estate.timeZone, lang), v.publishedBy))} · <a href="${e(`${view.basePath}?lang=${lang}`)}">${e(w.current)}</a></p>`,
      `<h2>${e(w.changes)}</h2>`,
      v.changes.length
        ? `<ul class="changes">${changeLines(lang, v.changes)
            .map((l) => `<li>${e(l)}</li>`)
            .join('')}</ul>`
        : `<p>${e(w.firstVersion)}</p>`,
    );
  }
  if (!view.version) parts.push(`<h2>${e(w.announcements)}</h2>`, announcementsSection(w, view.announcements));
  if (!content && !view.version) parts.push(`<p>${e(w.notPublished)}</p>`);
  const contacts: string[] = [];
  if (content?.phone)
    contacts.push(`<dt>${e(w.phone)}</dt><dd><a href="tel:${e(content.phone.replace(/\s/g, ''))}">${e(content.phone)}</a></dd>`);
  if (content?.hotline)
    contacts.push(`<dt>${e(w.hotline)}</dt><dd><a href="tel:${e(content.hotline.replace(/\s/g, ''))}">${e(content.hotline)}</a></dd>`);
  const hours = text(content?.officeHours);
  if (hours) contacts.push(`<dt>${e(w.officeHours)}</dt><dd>${e(hours).replace(/\n/g, '<br>')}</dd>`);
  if (contacts.length) parts.push(`<dl>${contacts.join('')}</dl>`);
  parts.push(
    `<h2>${e(w.procedures)}</h2>`,
    `<h3>${e(w.repair)}</h3>`,
    paragraphs(text(content?.repairProcedure)),
    `<p class="times" title="R-FU-1">${e(w.followUp(h(policy.followUpHours.safety), h(policy.followUpHours.leak), h(policy.followUpHours.other)))}</p>`,
    `<p class="times" title="R-FU-2">${e(w.afterRain(h(policy.afterRainFollowUpHours)))}</p>`,
    `<h3>${e(w.complaint)}</h3>`,
    paragraphs(text(content?.complaintProcedure)),
    `<p class="times" title="R-CP-1">${e(w.complaintReply(h(policy.complaintReplyHours)))}</p>`,
  );
  parts.push(...(view.sections ?? []));
  const notes = text(content?.notes);
  if (notes) parts.push(`<h2>${e(w.notes)}</h2>`, paragraphs(notes));
  parts.push(`<footer><p><a href="${e(`${view.basePath}/versions?lang=${lang}`)}">${e(w.versions)}</a></p></footer>`);
  return layout(lang, `${estate.name}${w.sep}${w.title}`, parts.join('\n'), (l) => `${view.path}?lang=${l}`);
}

export function renderVersionList(opts: {
  estate: PageEstate;
  lang: PageLang;
  basePath: string;
  versions: { number: number; publishedAt: string; publishedBy: string; changes: PageChange[] }[];
}): string {
  const { estate, lang } = opts;
  const w = WORDS[lang];
  const items = opts.versions
    .map((v) => {
      const lines = v.changes.length ? changeLines(lang, v.changes) : [w.firstVersion];
      return `<li><a href="${e(`${opts.basePath}/versions/${v.number}?lang=${lang}`)}">${e(w.version(v.number))}</a> ${e(
        w.published(when(v.publishedAt, estate.timeZone, lang), v.publishedBy),
      )}<ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul></li>`;
    })
    .join('\n');
  const body = `<h1>${e(estate.name)}${e(w.sep)}${e(w.versions)}</h1>
<p><a href="${e(`${opts.basePath}?lang=${lang}`)}">${e(w.current)}</a></p>
<ol reversed>${items}</ol>`;
  return layout(lang, `${estate.name}${w.sep}${w.versions}`, body, (l) => `${opts.basePath}/versions?lang=${l}`);
}
