import type { Module } from '../platform/module.js';
import { registerFeeRoutes } from './routes.js';

export const feesModule: Module = {
  name: 'fees',
  routes: registerFeeRoutes,
};
