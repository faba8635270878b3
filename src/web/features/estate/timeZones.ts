import { zoneNameOf } from '../../app/time';

const cached = new Map<string, { value: string; label: string; search: string }[]>();

/**
 * The IANA time zones this browser knows, for the estate's time-zone picker, each named in the
 * page's language (Hong Kong Standard Time in English); the id is kept for searching and shown only on hover.
 */
export function timeZoneOptions(locale: string): { value: string; label: string; title: string; search: string }[] {
  let options = cached.get(locale);
  if (!options) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const list = zones.includes('Asia/Hong_Kong') ? zones : ['Asia/Hong_Kong', ...zones];
    options = list.map((zone) => {
      const name = zoneNameOf(zone, locale);
      return { value: zone, label: name, search: `${name} ${zone}` };
    });
    cached.set(locale, options);
  }
  return options.map((o) => ({ ...o, title: o.value }));
}
