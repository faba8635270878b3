/**
 * The names of the abilities the session answer lists (`SessionInfo.estates[].abilities` and
 * `companyAbilities`), for the web app, which may import only the contract. The server's
 * policy tables (`src/*\/policy.ts`, `companyPolicy`) are the authority; a unit test
 * (`src/auth/abilities-contract.test.ts`) keeps these lists equal to the tables' keys.
 */
export const ESTATE_ABILITY_NAMES = [
  // accounts (R-PT-1)
  'resident.account.read',
  'resident.invite',
  'resident.account.disable',
  // directory
  'estate.read',
  'estate.configure',
  'unit.read',
  'unit.write',
  'unit.import',
  'unit.export',
  'resident.read',
  'resident.write',
  'resident.import',
  'resident.export',
  'department.read',
  'department.write',
  'staff.read',
  'staff.write',
  'presence.read',
  'presence.write.others',
  'history.read',
  'portal.preferences.write',
  // cases
  'case.read',
  'case.read.own',
  'case.create',
  'case.assign',
  'case.reply',
  'case.note',
  'case.forward',
  'case.escalate',
  'case.resolve',
  'case.satisfaction',
  'case.close',
  'case.close.unsatisfied',
  'case.reopen',
  'case.attach',
  'repair.work',
  'obligation.read',
  'view.manage',
  'portal.case.read',
  'portal.case.create',
  'portal.case.satisfaction',
  'portal.message.read',
  // follow-ups, rain, rectification notices, spot checks
  'followup.read',
  'followup.record',
  'followup.assign',
  'rain.read',
  'rain.record',
  'notice.read',
  'notice.read.own',
  'notice.issue',
  'notice.acknowledge',
  'notice.rectified',
  'notice.void',
  'spotcheck.read',
  'spotcheck.draw',
  'spotcheck.verdict',
  'portal.followup.score',
  // front desk
  'desk.greet',
  'desk.script.read',
  'desk.script.write',
  'desk.summary',
  'caller.lookup',
  'call.read',
  'call.log',
  'message.read',
  'message.read.own',
  'message.take',
  'message.handle',
  'visit.read',
  'visit.record',
  // phrase guide
  'phrase.check',
  'phrase.read',
  'phrase.write',
  // public page
  'publicpage.read',
  'publicpage.write',
  'publicpage.publish',
  'portal.notice.read',
  // fee items
  'fee.read',
  'fee.write',
  'fee.account.read',
  'fee.collect',
  'fee.charge',
  'fee.charge.oneoff',
  'fee.void',
  'fee.day.close',
  'fee.day.check',
  'fee.arrears.read',
  'report.read',
  'report.export',
  'sweep.run',
  'pbx.read',
  'pbx.manage',
] as const;

/** Abilities that belong to no one estate: the company's admins hold them. */
export const COMPANY_ABILITY_NAMES = ['estate.create', 'staff.password.reset', 'phrase.company.write'] as const;

export type EstateAbilityName = (typeof ESTATE_ABILITY_NAMES)[number];
export type CompanyAbilityName = (typeof COMPANY_ABILITY_NAMES)[number];
