import type { EstateAbilityName } from '../../contract/abilities';
import type { Can } from './session';

/**
 * The screens of the side navigation and what reading each needs: any one of the listed
 * abilities (the abilities the server's routes name for the screen's lists). The menu shows a
 * screen only to someone who holds one; opening its address without one shows "not for your
 * role" instead of a page of refusals.
 */
export const SCREENS = {
  '/': ['case.read', 'obligation.read'],
  '/my-work': ['case.read.own', 'notice.read.own'],
  '/reports/exports': ['report.export'],
  '/presence': ['presence.read'],
  '/frontdesk': ['caller.lookup', 'call.read', 'visit.read'],
  '/messages': ['message.read', 'message.read.own'],
  '/cases': ['case.read', 'case.read.own'],
  '/cases/new': ['case.create'],
  '/cases/escalations': ['obligation.read'],
  '/followups': ['followup.read'],
  '/rain': ['rain.read'],
  '/spot-checks': ['spotcheck.read'],
  '/rectification-notices': ['notice.read', 'notice.read.own'],
  '/fees': ['fee.collect', 'fee.account.read'],
  '/fees/charge-runs': ['fee.charge'],
  '/fees/arrears': ['fee.arrears.read'],
  '/fees/cashier-days': ['fee.collect', 'fee.account.read'],
  '/reports/monthly': ['report.read'],
  '/phone/answer-times': ['pbx.read'],
  '/units': ['unit.read'],
  '/residents': ['resident.read'],
  '/residents/portal-accounts': ['resident.account.read'],
  '/buildings': ['unit.read'],
  '/departments': ['department.read'],
  '/staff': ['staff.read'],
  '/settings': ['estate.read'],
  '/settings/phrases': ['phrase.read'],
  '/settings/fees': ['fee.read'],
  '/settings/desk-scripts': ['desk.script.read'],
  '/settings/public-page': ['publicpage.read'],
  '/settings/phone-system': ['pbx.manage'],
} as const satisfies Record<string, readonly EstateAbilityName[]>;

export type Screen = keyof typeof SCREENS;

/** Whether the person may open the screen in the selected estate. */
export function mayOpen(can: Can, screen: Screen): boolean {
  return SCREENS[screen].some((ability) => can(ability));
}
