import type { Module } from '../platform/module.js';
import { registerAuth } from './routes.js';

export const authModule: Module = {
  name: 'auth',
  routes: registerAuth,
};
