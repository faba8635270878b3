import type { Module } from '../platform/module.js';
import { onBreach } from '../platform/obligations/index.js';
import { escalateOverdueReply } from './escalation/escalate-overdue-reply.js';
import { registerPortalCaseRoutes } from './portal.routes.js';
import { registerCaseRoutes } from './routes.js';
import { REPLY_RULE } from './rules.js';

export const casesModule: Module = {
  name: 'cases',
  wire() {
    // R-CP-4: an overdue first reply escalates to the manager.
    onBreach(REPLY_RULE, (trx, obligation, at, ctx) => escalateOverdueReply(trx, ctx, obligation, at));
  },
  routes: (api, ctx) => {
    registerCaseRoutes(api, ctx);
    registerPortalCaseRoutes(api, ctx);
  },
};
