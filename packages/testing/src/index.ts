// The public surface of @account-planning/testing. Every exported name is listed here.

export {
  arbitraryCalendarDate,
  arbitraryCurrency,
  arbitraryInstant,
  arbitraryMinorUnits,
  arbitraryMoney,
  arbitraryMonth,
  arbitraryQuarter,
  arbitraryText,
  arbitraryUlid,
  arbitraryUserId,
} from './arbitraries/primitives.js';
export {
  type DeciderSpecification,
  type DeciderSpecOptions,
  type DeciderThen,
  type DeciderWhen,
  deciderSpec,
  type ExpectedRejection,
} from './deciderSpec/deciderSpec.js';
