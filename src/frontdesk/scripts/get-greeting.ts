import type { z } from 'zod';
import { type Actor, requireAbility } from '../../auth/index.js';
import type { GreetingQuery } from '../../contract/frontdesk.js';
import { estateSettings } from '../../directory/index.js';
import type { AppContext } from '../../platform/context.js';
import { personIn } from '../presence/desk-staff.js';
import { greetingText, type Locale, timeOfDay } from '../rules.js';

/** R-PH-1: what to say on picking up, for a person and the time of day (never 喂). */
export async function getGreeting(ctx: AppContext, opts: { actor: Actor; estateId: string; query: z.infer<typeof GreetingQuery> }) {
  requireAbility(opts.actor, opts.estateId, 'desk.greet');
  const estate = await estateSettings(ctx.db, opts.estateId);
  const person = await personIn(ctx.db, estate.id, opts.query.staffId ?? opts.actor.id, 'staffId');
  const at = opts.query.at ?? ctx.clock.now().toISOString();
  const locale = (opts.query.locale ?? person.locale ?? 'zh-Hant') as Locale;
  // The role the person holds in this estate: a receptionist here may be a manager elsewhere.
  const variant = person.departmentCode === 'front_desk' || person.role === 'receptionist' ? 'front_desk' : 'department';
  const tod = timeOfDay(at, estate.timeZone);
  return {
    rule: 'R-PH-1' as const,
    text: greetingText({ variant, officeName: estate.office_name, surname: person.surname, locale, timeOfDay: tod }),
    locale,
    timeOfDay: tod,
    variant: variant as 'front_desk' | 'department',
    officeName: estate.office_name,
    surname: person.surname,
  };
}
