/** Where notifications go, read once from the environment (documented in README.md). */
export interface OutboxConfig {
  /** smtp://host:port or smtps://user:pass@host:465; unset means email waits in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The messaging gateway's endpoint; unset means webhook messages wait in the outbox. */
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
}

export const DEFAULT_MAIL_FROM = 'EstateDesk <estatedesk@localhost>';

function urlFrom(value: string | undefined, protocols: string[], name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return value;
}

export function loadOutboxConfig(env: NodeJS.ProcessEnv = process.env): OutboxConfig {
  const webhookUrl = urlFrom(env.ESTATEDESK_WEBHOOK_URL, ['http:', 'https:'], 'ESTATEDESK_WEBHOOK_URL');
  const webhookSecret = env.ESTATEDESK_WEBHOOK_SECRET || undefined;
  // An unsigned request could be forged by anyone who can reach the gateway.
  if (webhookUrl && !webhookSecret) throw new Error('ESTATEDESK_WEBHOOK_SECRET must be set when ESTATEDESK_WEBHOOK_URL is');
  return {
    smtpUrl: urlFrom(env.ESTATEDESK_SMTP_URL, ['smtp:', 'smtps:'], 'ESTATEDESK_SMTP_URL'),
    mailFrom: env.ESTATEDESK_MAIL_FROM || DEFAULT_MAIL_FROM,
    webhookUrl,
    webhookSecret,
  };
}
