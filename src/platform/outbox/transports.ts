import { createHmac, timingSafeEqual } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { OutboxConfig } from './config.js';
import type { OutboxChannel, OutboxMessage, Transport } from './index.js';

/** Email through an SMTP server (ESTATEDESK_SMTP_URL), from ESTATEDESK_MAIL_FROM. */
export class SmtpTransport implements Transport {
  private readonly mailer;
  private readonly from: string;
  private readonly domain: string;

  constructor(opts: { url: string; from: string }) {
    this.from = opts.from;
    this.domain = /@([^>\s]+)>?\s*$/.exec(opts.from)?.[1] ?? 'estatedesk.invalid';
    // Short timeouts: a claimed message should be delivered or given back well within the claim's lease.
    this.mailer = createTransport({ url: opts.url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  }

  async send(message: OutboxMessage): Promise<void> {
    await this.mailer.sendMail({
      from: this.from,
      to: message.recipient,
      subject: message.subject ?? '',
      text: message.body,
      // The outbox id: a receiving system can tell a re-delivery from a second message.
      messageId: `<${message.id}@${this.domain}>`,
      headers: { 'X-EstateDesk-Event': message.eventKey },
    });
  }

  async close(): Promise<void> {
    this.mailer.close();
  }
}

export const SIGNATURE_HEADER = 'x-estatedesk-signature';
export const TIMESTAMP_HEADER = 'x-estatedesk-timestamp';
export const DELIVERY_HEADER = 'x-estatedesk-delivery';

/** HMAC-SHA256 over `<timestamp>.<body>`, hex: the receiver recomputes it with the shared secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers: does the signature header match the body and timestamp it came with? */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A signed JSON POST to the messaging gateway (ESTATEDESK_WEBHOOK_URL), which sends the SMS or
 * chat message. Any answer but 2xx is a failure to retry; the delivery header carries the
 * outbox id so the gateway can drop a repeat.
 */
export class WebhookTransport implements Transport {
  constructor(private readonly opts: { url: string; secret: string; timeoutMs?: number }) {}

  async send(message: OutboxMessage, now: Date): Promise<void> {
    const body = JSON.stringify({
      id: message.id,
      estateId: message.estateId,
      eventKey: message.eventKey,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      payload: message.payload,
    });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const res = await fetch(this.opts.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: webhookSignature(this.opts.secret, timestamp, body),
        [DELIVERY_HEADER]: message.id,
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
    });
    const answer = await res.text().catch(() => '');
    if (!res.ok) throw new Error(`webhook answered ${res.status}${answer ? `: ${answer.slice(0, 200)}` : ''}`);
  }

  async close(): Promise<void> {}
}

/**
 * Portal messages need no network: the resident reads them in the portal, which lists the sent
 * portal rows addressed to them (`portalMessagesFor`). Delivering one is marking it sent.
 */
export class PortalTransport implements Transport {
  async send(): Promise<void> {}
  async close(): Promise<void> {}
}

/** The transports the configuration enables; a channel without one keeps its messages queued. */
export function transportsFrom(config: OutboxConfig): Partial<Record<OutboxChannel, Transport>> {
  const transports: Partial<Record<OutboxChannel, Transport>> = { portal: new PortalTransport() };
  if (config.smtpUrl) transports.email = new SmtpTransport({ url: config.smtpUrl, from: config.mailFrom });
  if (config.webhookUrl && config.webhookSecret)
    transports.webhook = new WebhookTransport({ url: config.webhookUrl, secret: config.webhookSecret });
  return transports;
}
