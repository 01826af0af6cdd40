export { checkSelectorCollisions } from './check-selector-collisions';
export { findSelectorCollisions, SelectorCollision } from './find-selector-collisions';
export { isDaemonSet, podTemplateOf, PodTemplate } from './pod-templates';
export { SELECTED_BY_ANNOTATION, selectedBy } from './selected-by';
export { DescribedCollision, describedSelectorCollisions, selectorCollisionFindings } from './selector-collision-findings';
