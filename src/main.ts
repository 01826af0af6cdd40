/*
 * What `require('everynode')` runs. src/index.ts declares and documents the same exports (it is the
 * package's `types`); this file loads the DaemonSet model and the input helpers at once, and the
 * placement evaluator and the API server's rules, most of the package, on first use of one of their
 * exports (the model checks what it builds with the rules, so the first DaemonSet built loads them):
 * a program pays for each part when it first uses it, not when it starts.
 *
 * Each lazy export is written out in the one form Node's CommonJS lexer reads as an export, so that
 * `import { evaluatePlacement } from 'everynode'` still works from an ES module.
 * test/daemon/core-entry.test.ts fails when this file and src/index.ts export different names.
 */
import type * as Cdk8sPlugin from './cdk8s-plugin';
import type * as Collisions from './collisions';
import type * as Diff from './diff';
import type * as HtmlReport from './html-report';
import { lazyModule } from './lazy-module';
import type * as Placement from './placement';
import type * as Validation from './validation';

export * from './daemon/vocabulary';
export { SELECTED_BY_ANNOTATION } from './collisions/selected-by';
export { InputError, loadInventory } from './input';

/* eslint-disable @typescript-eslint/no-require-imports */
const collisions = lazyModule<typeof Collisions>(() => require('./collisions'));
const cdk8sPlugin = lazyModule<typeof Cdk8sPlugin>(() => require('./cdk8s-plugin'));
const placement = lazyModule<typeof Placement>(() => require('./placement'));
const validation = lazyModule<typeof Validation>(() => require('./validation'));
const diff = lazyModule<typeof Diff>(() => require('./diff'));
const htmlReport = lazyModule<typeof HtmlReport>(() => require('./html-report'));
/* eslint-enable @typescript-eslint/no-require-imports */

Object.defineProperty(exports, 'evaluatePlacement', { enumerable: true, get: function () { return placement.evaluatePlacement; } });
Object.defineProperty(exports, 'node', { enumerable: true, get: function () { return placement.node; } });
Object.defineProperty(exports, 'NodeBuilder', { enumerable: true, get: function () { return placement.NodeBuilder; } });
Object.defineProperty(exports, 'renderTable', { enumerable: true, get: function () { return placement.renderTable; } });
Object.defineProperty(exports, 'renderMarkdown', { enumerable: true, get: function () { return placement.renderMarkdown; } });
Object.defineProperty(exports, 'renderJson', { enumerable: true, get: function () { return placement.renderJson; } });
Object.defineProperty(exports, 'renderHtml', { enumerable: true, get: function () { return htmlReport.renderHtml; } });

Object.defineProperty(exports, 'diffPlacement', { enumerable: true, get: function () { return diff.diffPlacement; } });
Object.defineProperty(exports, 'renderDiff', { enumerable: true, get: function () { return diff.renderDiff; } });

Object.defineProperty(exports, 'checkSelectorCollisions', { enumerable: true, get: function () { return collisions.checkSelectorCollisions; } });

// The cdk8s CLI looks a validation plugin up on the package's main export (cdk8s.yaml `class:`).
Object.defineProperty(exports, 'EverynodeValidation', { enumerable: true, get: function () { return cdk8sPlugin.EverynodeValidation; } });

Object.defineProperty(exports, 'checkDaemonSet', { enumerable: true, get: function () { return validation.checkDaemonSet; } });
Object.defineProperty(exports, 'validateDaemonSet', { enumerable: true, get: function () { return validation.validateDaemonSet; } });
Object.defineProperty(exports, 'formatFieldError', { enumerable: true, get: function () { return validation.formatFieldError; } });
Object.defineProperty(exports, 'formatWarning', { enumerable: true, get: function () { return validation.formatWarning; } });
