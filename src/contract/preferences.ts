import { z } from 'zod';
import { Locale } from './common.js';

/** R-CP-5: the channel a resident chose for progress messages; null (automatic): sms with a phone, else email, else portal. */
export const NotifyChannel = z.enum(['sms', 'email', 'portal']);
export type NotifyChannel = z.infer<typeof NotifyChannel>;
/** R-CP-5: the channels a resident refused. */
export const ResidentOptOut = z.object({ sms: z.boolean(), email: z.boolean(), portal: z.boolean() }).meta({ id: 'ResidentOptOut' });
const OptOutInput = z.strictObject({ sms: z.boolean().optional(), email: z.boolean().optional(), portal: z.boolean().optional() });

/** R-CP-5: how a resident is told of their cases' progress; every field may be left out. */
export const ResidentPreferencesBody = z.strictObject({
  locale: Locale.optional(),
  notifyChannel: NotifyChannel.nullable().optional(),
  optOut: OptOutInput.optional(),
});
