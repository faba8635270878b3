import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/app.js';
import { type LiveAccess, type LiveRouteOptions, registerLiveRoutes as registerLiveStream } from '../platform/http/live-routes.js';
import { type Actor, requireEstate, seesEstate } from './policy.js';
import { actorOf } from './routes.js';
import { findSession } from './store.js';

/** Whether the session behind a stream still holds: not signed out, not idle past the limit. */
async function sessionHolds(ctx: AppContext, actor: Actor): Promise<boolean> {
  const session = await findSession(ctx.db, actor.sessionId);
  if (!session) return false;
  return ctx.clock.now().getTime() - new Date(session.last_seen_at).getTime() <= ctx.config.sessionIdleMinutes * 60_000;
}

/** The live stream's access: the signed-in actor, their estates, and their session still holding. */
export const liveAccess: LiveAccess<Actor> = { actorOf, requireEstate, seesEstate, sessionHolds };

/** The live-update stream, seen through sign-in and the estates a person works for. */
export function registerLiveRoutes(api: App, ctx: AppContext, opts: LiveRouteOptions = {}): void {
  registerLiveStream(api, ctx, liveAccess, opts);
}
