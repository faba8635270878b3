import type { EstatePolicy } from '../contract/directory.js';
import type { PageChange, PageContent, PagePolicyFigures } from '../contract/publicpage.js';

/** R-PB-1: the reply and follow-up times the page states, read from the estate's policy as the system enforces it. */
export function policyFigures(policy: EstatePolicy): PagePolicyFigures {
  return {
    complaintReplyHours: policy.complaintReplyHours,
    followUpHours: { ...policy.followUpHours },
    afterRainFollowUpHours: policy.afterRainFollowUpHours,
  };
}

/** Every leaf of a snapshot as `path -> text`, in a stable order. */
function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value === null || value === undefined ? '' : String(value));
  return out;
}

/**
 * R-PB-1 (earlier versions stay visible as history): what changed from one published version to
 * the next, field by field; hours as numbers, texts as written.
 */
export function changesBetween(
  before: { content: PageContent; policy: PagePolicyFigures } | null,
  after: { content: PageContent; policy: PagePolicyFigures },
): PageChange[] {
  if (!before) return [];
  const a = leaves({ content: before.content, policy: before.policy }, '', new Map());
  const b = leaves({ content: after.content, policy: after.policy }, '', new Map());
  const changes: PageChange[] = [];
  for (const [field, value] of b) {
    const old = a.get(field) ?? '';
    if (old !== value) changes.push({ field, before: old, after: value });
  }
  return changes;
}

/** The calendar day of an instant in the estate's time zone, YYYY-MM-DD (announcements run by day). */
export function dayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
