/**
 * What the server uses of the public page (R-PB-1): the module in server.ts and nothing else;
 * other capabilities reach it only through domain events (a policy change makes a new version).
 */
export { pageAddress } from './page.js';
