import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import './time-zones.js';

describe('time zone offsets kept per minute', () => {
  it('agree with Intl on every minute around transitions and on ordinary days, in zones with odd offsets', () => {
    const zones = ['Asia/Hong_Kong', 'Europe/London', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    const instants = [
      '2026-03-08T06:00:00Z', // New York springs forward at 07:00 UTC
      '2026-03-29T00:30:00Z', // London springs forward at 01:00 UTC
      '2026-10-25T00:30:00Z', // London falls back at 01:00 UTC
      '2026-04-04T14:30:00Z', // Lord Howe falls back by half an hour at 15:00 UTC
      '2026-11-30T15:30:00Z', // midnight in Hong Kong at 16:00 UTC
    ];
    for (const name of zones) {
      const zone = IANAZone.create(name);
      for (const at of instants) {
        for (let m = 0; m < 90; m++) {
          for (const s of [0, 59]) {
            const ts = Date.parse(at) + m * 60_000 + s * 1000;
            // Twice: the second answer comes from what was kept.
            zone.offset(ts);
            const expected = intlOffset(name, ts);
            expect(zone.offset(ts), `${name} at ${new Date(ts).toISOString()}`).toBe(expected);
          }
        }
      }
    }
  });

  it("gives the day's bounds in the estate's zone as before", () => {
    const start = DateTime.fromISO('2026-11-30T15:59:59.999Z', { zone: 'Asia/Hong_Kong' }).startOf('day');
    expect(start.toUTC().toISO()).toBe('2026-11-29T16:00:00.000Z');
    const next = DateTime.fromISO('2026-11-30T16:00:00.000Z', { zone: 'Asia/Hong_Kong' }).startOf('day');
    expect(next.toUTC().toISO()).toBe('2026-11-30T16:00:00.000Z');
  });
});

/** The offset in minutes as Intl tells it, computed afresh. */
function intlOffset(zone: string, ts: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ts));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((local - Math.floor(ts / 1000) * 1000) / 60_000);
}
