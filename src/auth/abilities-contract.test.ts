import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMPANY_ABILITY_NAMES, type CompanyAbilityName, ESTATE_ABILITY_NAMES, type EstateAbilityName } from '../contract/abilities.js';
import { COMPANY_ABILITIES, type CompanyAbility, ESTATE_ABILITIES, type EstateAbility } from './policy.js';

/**
 * The web app reads the ability names from the contract (it may import nothing else of the
 * server); the policy tables decide them. Adding, renaming or dropping an ability in a table
 * without the contract (or the other way round) fails here.
 */
describe('the contract lists exactly the abilities of the policy tables', () => {
  it('estate abilities: the same names, in table order', () => {
    expect([...ESTATE_ABILITY_NAMES]).toEqual(ESTATE_ABILITIES);
  });

  it('company abilities: the same names, in table order', () => {
    expect([...COMPANY_ABILITY_NAMES]).toEqual(COMPANY_ABILITIES);
  });

  it('no name is listed twice', () => {
    expect(new Set(ESTATE_ABILITY_NAMES).size).toBe(ESTATE_ABILITY_NAMES.length);
    expect(new Set(COMPANY_ABILITY_NAMES).size).toBe(COMPANY_ABILITY_NAMES.length);
  });

  it('the web app’s types are the server’s types', () => {
    expectTypeOf<EstateAbilityName>().toEqualTypeOf<EstateAbility>();
    expectTypeOf<CompanyAbilityName>().toEqualTypeOf<CompanyAbility>();
  });
});
