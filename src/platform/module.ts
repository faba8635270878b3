import type { AppContext } from './context.js';
import type { App } from './http/app.js';

/**
 * A capability as the server sees it: its routes, and what it hooks into the shared mechanisms
 * (domain-event subscriptions, breach handlers, sweep ticks). `server.ts` lists the modules in
 * one array; nothing registers itself by being imported.
 */
export interface Module {
  name: string;
  /** Subscriptions, breach handlers and sweep ticks: process-wide, wired once. */
  wire?(): void;
  /** The capability's HTTP routes, on every app built (tests build many). */
  routes?(api: App, ctx: AppContext): void;
  /** Pages served outside /api/v1 and its document (the estate's public page), on every app built. */
  pages?(app: App, ctx: AppContext): void;
}

const wired = new Set<string>();

/** Wires each module's hooks once per process, however many apps are built. */
export function wireModules(modules: readonly Module[]): void {
  for (const m of modules) {
    if (wired.has(m.name)) continue;
    wired.add(m.name);
    m.wire?.();
  }
}
