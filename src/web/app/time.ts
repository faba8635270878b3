import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstate } from './session';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
export const DATE_FORMAT = 'YYYY-MM-DD';
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

export interface EstateTime {
  timeZone: string;
  /** The zone as people name it in the page's language (Hong Kong Standard Time), never its IANA id. */
  zoneName: string;
  /** An instant as the estate's wall clock (the office and its residents live by it). */
  format: (instant: string | null | undefined, pattern?: string) => string;
  /** A date picker value showing the instant's wall-clock time in the estate. */
  toPicker: (instant: string) => Dayjs;
  /** The instant meant by a picker value read as the estate's wall clock. */
  fromPicker: (value: Dayjs) => string;
  /** Now, as a picker value. */
  nowPicker: () => Dayjs;
  /** The estate's current month, YYYY-MM. */
  month: (offset?: number) => string;
}

/**
 * Times in the estate's own time zone, whatever the browser's: due times and the printed notice
 * must read the same at the office and on a colleague's laptop abroad. Pickers work on plain
 * local values holding the estate's wall clock, so antd never sees a zoned value.
 */
/** A time zone's name in a language, as `Intl` gives it; the id itself only where `Intl` has no name. */
export function zoneNameOf(timeZone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

export function useEstateTime(): EstateTime {
  const { timeZone } = useEstate();
  const { i18n } = useTranslation();
  const zoneName = useMemo(() => zoneNameOf(timeZone, i18n.language), [timeZone, i18n.language]);
  const format = useCallback(
    (instant: string | null | undefined, pattern = TIME_FORMAT) => (instant ? dayjs(instant).tz(timeZone).format(pattern) : '—'),
    [timeZone],
  );
  const toPicker = useCallback((instant: string) => dayjs(dayjs(instant).tz(timeZone).format(WALL_CLOCK)), [timeZone]);
  const fromPicker = useCallback((value: Dayjs) => dayjs.tz(value.format(WALL_CLOCK), timeZone).toISOString(), [timeZone]);
  const nowPicker = useCallback(() => toPicker(new Date().toISOString()), [toPicker]);
  const month = useCallback((offset = 0) => dayjs().tz(timeZone).add(offset, 'month').format('YYYY-MM'), [timeZone]);
  return useMemo(
    () => ({ timeZone, zoneName, format, toPicker, fromPicker, nowPicker, month }),
    [timeZone, zoneName, format, toPicker, fromPicker, nowPicker, month],
  );
}
