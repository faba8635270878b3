let cached: { value: string; label: string }[] | null = null;

/** The IANA time zones this browser knows, for the estate's time-zone picker. */
export function timeZoneOptions(): { value: string; label: string }[] {
  if (!cached) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const list = zones.includes('Asia/Hong_Kong') ? zones : ['Asia/Hong_Kong', ...zones];
    cached = list.map((zone) => ({ value: zone, label: zone }));
  }
  return cached;
}
