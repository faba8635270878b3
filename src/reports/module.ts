import type { Module } from '../platform/module.js';
import { registerExportRoutes } from './exports.routes.js';
import { registerReportRoutes } from './routes.js';

/** Read-only figures over the other capabilities' read models; nobody imports reports. */
export const reportsModule: Module = {
  name: 'reports',
  routes: (api, ctx) => {
    registerReportRoutes(api, ctx);
    registerExportRoutes(api, ctx);
  },
};
