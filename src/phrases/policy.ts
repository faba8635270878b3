import { definePolicy, EVERYONE, MANAGERS } from '../platform/abilities.js';

/** The phrase guide (R-WD-1): everyone checks their words; the manager extends the estate's guide. */
export const phrasePolicy = definePolicy({
  'phrase.check': EVERYONE,
  'phrase.read': EVERYONE,
  'phrase.write': MANAGERS,
});
