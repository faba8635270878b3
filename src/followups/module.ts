import { subscribe } from '../platform/events.js';
import type { Module } from '../platform/module.js';
import { onBreach, onSweep } from '../platform/obligations/index.js';
import { escalateBreach } from './escalation/escalate-breach.js';
import { registerPortalFollowUpRoutes } from './portal.routes.js';
import { registerFollowUpRoutes } from './routes.js';
import { AFTER_RAIN_RULE, FOLLOW_UP_RULE, NOTICE_RULE, RECTIFY_RULE, SPOT_CHECK_RULE } from './rules.js';
import { openMonthlySpotChecks } from './spot-checks/open-monthly-spot-checks.js';
import { scheduleAfterRepair } from './visits/schedule-after-repair.js';

export const followUpsModule: Module = {
  name: 'followups',
  wire() {
    // A completed repair schedules its follow-ups in the completion's transaction (R-FU-1, R-FU-2).
    subscribe('repairCompleted', scheduleAfterRepair);
    // Each sweep opens the month's spot check (R-FU-5) before it marks breaches.
    onSweep((db, now) => openMonthlySpotChecks(db, now));
    // Every follow-up deadline breached goes to the estate's managers.
    for (const rule of [FOLLOW_UP_RULE, AFTER_RAIN_RULE, NOTICE_RULE, RECTIFY_RULE, SPOT_CHECK_RULE]) {
      onBreach(rule, (trx, obligation, at, ctx) => escalateBreach(trx, ctx, obligation, at));
    }
  },
  routes: (api, ctx) => {
    registerFollowUpRoutes(api, ctx);
    registerPortalFollowUpRoutes(api, ctx);
  },
};
