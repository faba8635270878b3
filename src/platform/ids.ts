import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7): unguessable, sortable, the same on both engines. */
export function newId(): string {
  return v7();
}
