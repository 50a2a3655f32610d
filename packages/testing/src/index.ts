// The public surface of @account-planning/testing. Every exported name is listed here.

export {
  type DeciderSpecification,
  type DeciderSpecOptions,
  type DeciderThen,
  type DeciderWhen,
  deciderSpec,
  type ExpectedRejection,
} from './deciderSpec/deciderSpec.js';
