import type { Module } from '../platform/module.js';
import { registerExportRoutes } from './exports.routes.js';
import { registerMonthlyReportRoutes } from './monthly.routes.js';
import { registerReportRoutes } from './routes.js';

/**
 * Read-only figures over the other capabilities' read models (the dashboard, the monthly report,
 * the head office), and the deadline sweep run on demand; nobody imports reports.
 */
export const reportsModule: Module = {
  name: 'reports',
  routes: (api, ctx) => {
    registerReportRoutes(api, ctx);
    registerMonthlyReportRoutes(api, ctx);
    registerExportRoutes(api, ctx);
  },
};
