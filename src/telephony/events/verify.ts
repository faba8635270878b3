import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * R-PH-5: the PBX signs each call event with the estate's secret: `X-EstateDesk-Signature` is
 * `sha256=` and the hex HMAC-SHA256 of `<X-EstateDesk-Timestamp>.<raw body>`; the timestamp (Unix
 * seconds) must lie within five minutes of the server's clock, so a captured event cannot be replayed later.
 */
export const REPLAY_WINDOW_SECONDS = 300;

export function signatureOf(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** Whether the signature header is the HMAC of this timestamp and body, compared in constant time. */
export function signatureMatches(secret: string, timestamp: string | undefined, rawBody: string, header: string | undefined): boolean {
  if (!timestamp || !header) return false;
  const given = header
    .trim()
    .replace(/^sha256=/i, '')
    .toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(signatureOf(secret, timestamp, rawBody), 'hex'));
}

/** Whether the signed timestamp lies within the replay window of now. */
export function timestampFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp.trim())) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= REPLAY_WINDOW_SECONDS;
}
