import type { Module } from '../platform/module.js';
import { registerNoticeRoutes } from './routes.js';

export const noticesModule: Module = {
  name: 'notices',
  routes: registerNoticeRoutes,
};
