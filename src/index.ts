/*
 * The framework-neutral core: the props and value classes the constructs of `everynode/cdk8s` and
 * the components of `everynode/pulumi` take, the API server's DaemonSet rules, inventories, and
 * the placement evaluator with its report. Everything else under src/ is internal.
 *
 * src/main.ts is what `require('everynode')` runs: it exports the same names, loading the
 * evaluator and the rules on first use (test/daemon/core-entry.test.ts keeps the two in step).
 */

export * from './daemon/vocabulary';
export {
  AdoptedPod,
  AdoptedPodFate,
  DaemonSetDiff,
  diffPlacement,
  DiffRollout,
  LostPod,
  LostPodReason,
  LostPodReasonCode,
  PlacementDiff,
  renderDiff,
} from './diff';
export { checkSelectorCollisions, SELECTED_BY_ANNOTATION } from './collisions';
export { HtmlOptions, renderHtml } from './html-report';
export {
  EverynodeExpectations,
  EverynodeValidation,
  EverynodeValidationProps,
  SynthValidationContext,
  SynthValidationReport,
  SynthViolatingResource,
  SynthViolation,
} from './cdk8s-plugin';
export { InputError, Inventory, loadInventory } from './input';
export {
  Advisory,
  AdvisoryCode,
  DaemonSetPlacement,
  evaluatePlacement,
  MatrixOptions,
  MirrorPod,
  node,
  NodeBuilder,
  NodeGrouping,
  NodePlacement,
  PlacementReason,
  PlacementReport,
  ReasonCode,
  renderJson,
  renderMarkdown,
  renderTable,
  RolloutPlan,
  TableOptions,
  TaintInput,
} from './placement';
export {
  checkDaemonSet,
  DaemonSetCheck,
  FieldError,
  FieldErrorType,
  Finding,
  FindingCode,
  formatFieldError,
  formatWarning,
  validateDaemonSet,
  ValidationOptions,
  ValidationWarning,
  WarningCode,
} from './validation';
