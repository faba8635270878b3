import type { Module } from '../platform/module.js';
import { registerPhraseRoutes } from './routes.js';

export const phrasesModule: Module = {
  name: 'phrases',
  routes: registerPhraseRoutes,
};
