/** What the server uses of the phrase guide: the company's seed pairs, put in at start-up. */
export { ensurePhraseSeed } from './seed.js';
