/**
 * What the server uses of the phrase guide: the company's seed pairs, put in at start-up, and
 * the check of words a resident will read as they are written (R-WD-2).
 */
export { checkResidentWords, warningsToKeep } from './check/resident-words.js';
export { ensurePhraseSeed } from './seed.js';
