import { DaemonSetPlacement, NodePlacement, PlacementReport, ReasonCode } from '../placement';
import { daemonSetId, findDaemonSet, findPlacement, LookupError } from './find-daemon-set';
import { familyId, findFamily } from './find-family';
import { isPlacementReport } from './is-placement-report';
import { selectorCollisionFindings } from '../collisions';
import { kubernetesObjects } from '../input';
import { FamilyCoverage, isExactlyOnce } from '../placement/family-coverage';
import { andList, gapsOf, overlapsOf } from '../placement/family-findings';
import { memberNames } from '../placement/variant-families';
import { Finding } from '../validation';

/**
 * The part of jest's matcher context (`this` in a matcher) these matchers use. Declared here
 * rather than imported from `expect` so that the typings of `everynode/jest` do not depend on
 * where the package manager put jest's internals; jest's own context satisfies it.
 */
export interface PlacementMatcherContext {
  readonly isNot?: boolean;
  readonly promise?: string;
  readonly utils: {
    matcherHint(
      matcherName: string,
      received?: string,
      expected?: string,
      options?: { isNot?: boolean; promise?: string; secondArgument?: string },
    ): string;
    matcherErrorMessage(hint: string, generic: string, specific?: string): string;
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
    EXPECTED_COLOR(text: string): string;
    RECEIVED_COLOR(text: string): string;
  };
}

/** What a matcher returns to jest. */
export interface PlacementMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

// A Record rather than a list: adding a ReasonCode without listing it here fails to compile.
const REASON_CODES: Record<ReasonCode, true> = {
  NodeNameMismatch: true,
  NodeSelectorMismatch: true,
  NodeAffinityMismatch: true,
  UntoleratedTaint: true,
};

/** At most this many nodes are described in a message; a 1,000-node failure must stay readable. */
const LISTED_NODES = 10;

/** `expect(report).not.toSkip(daemonSet, node)`: the call as written, for the first line of a message. */
function hintOf(context: PlacementMatcherContext, matcher: string, daemonSet: string, ...more: string[]): string {
  return context.utils.matcherHint(matcher, 'report', daemonSet, {
    isNot: context.isNot,
    promise: context.promise,
    secondArgument: more.join(', '),
  });
}

/**
 * Wrong input is a matcher error, never a failed expectation: otherwise `.not` would turn a
 * misspelt DaemonSet name into a passing test.
 */
function matcherError(context: PlacementMatcherContext, hint: string, generic: string, detail?: string): Error {
  return new Error(context.utils.matcherErrorMessage(hint, generic, detail));
}

function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object') return `${typeof value} ${JSON.stringify(value)}`;
  const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof constructorName === 'string' && constructorName !== 'Object' ? `an instance of ${constructorName}` : 'an object';
}

/** The report a matcher is about, or a matcher error. */
function reportOf(context: PlacementMatcherContext, hint: string, received: unknown): PlacementReport {
  if (!isPlacementReport(received)) {
    throw matcherError(
      context,
      hint,
      `${context.utils.RECEIVED_COLOR('received')} value must be a PlacementReport`,
      `Received: ${describeReceived(received)}\n` +
      'Evaluate manifests with evaluatePlacement(manifests, nodes), or a cdk8s Chart or App with evaluateChart(chart, inventory).',
    );
  }
  return received;
}

/** The report and the DaemonSet a matcher is about, or a matcher error. */
function subjectOf(context: PlacementMatcherContext, hint: string, received: unknown, reference: unknown) {
  const report = reportOf(context, hint, received);
  return { report, daemonSet: lookup(context, hint, () => findDaemonSet(report, reference)) };
}

function lookup<T>(context: PlacementMatcherContext, hint: string, find: () => T): T {
  try {
    return find();
  } catch (error) {
    if (error instanceof LookupError) throw matcherError(context, hint, error.generic, error.detail);
    throw error;
  }
}

/** The words of the table's legend, so a message and a snapshot say the same thing. */
function verdictOf(placement: NodePlacement): string {
  if (placement.shouldRun) return 'runs a pod';
  return placement.shouldContinueRunning ? 'no new pod, a running one stays' : 'no pod';
}

/** A line per reason, `indent` deep. */
function describeReasons(placement: NodePlacement, indent: string): string[] {
  if (placement.reasons.length === 0) return [`${indent}(the report gives no reason)`];
  return placement.reasons.map((reason) => `${indent}${reason.code}: ${reason.message}`);
}

/** `  win-1: no pod` and a line per reason. */
function describeSkip(placement: NodePlacement, color: (text: string) => string): string[] {
  return [`  ${color(placement.node)}: ${verdictOf(placement)}`, ...describeReasons(placement, '    ')];
}

/** The first `LISTED_NODES` items described, and how many more there are. */
function capped<T>(items: readonly T[], describe: (item: T) => string[]): string[] {
  const lines = items.slice(0, LISTED_NODES).flatMap(describe);
  if (items.length > LISTED_NODES) lines.push(`  ... and ${items.length - LISTED_NODES} more`);
  return lines;
}

/** jest prints 10 items of an array and an ellipsis; a count says more than a cut list. */
function printNodes(nodes: readonly string[], print: (value: unknown) => string): string {
  return nodes.length <= LISTED_NODES ? print(nodes) : `${nodes.length} nodes`;
}

function runningNodes(daemonSet: DaemonSetPlacement): string[] {
  return daemonSet.placements.filter((p) => p.shouldRun).map((p) => p.node);
}

function ofNodes(count: number, report: PlacementReport): string {
  return `${count} of ${report.nodes.length} node${report.nodes.length === 1 ? '' : 's'}`;
}

/**
 * The DaemonSet's advisories, on `onNodes` only when given: pods the controller creates that
 * would still not run (Pending, an image for another OS). A placement that looks right can hide
 * them, so every message about where the DaemonSet runs shows them.
 */
function describeAdvisories(daemonSet: DaemonSetPlacement, onNodes?: readonly string[]): string[] {
  const advisories = onNodes ? daemonSet.advisories.filter((a) => onNodes.includes(a.node)) : daemonSet.advisories;
  if (advisories.length === 0) return [];
  return [
    '',
    `Advisories (${advisories.length}), pods the controller creates that would not run:`,
    ...capped(advisories, (a) => [`  ${a.node}: ${a.code}: ${a.message}`]),
  ];
}

/** `gpu: observability/node-agent-gpu, default: observability/node-agent`: which DaemonSet is which variant. */
function describeVariants(coverage: FamilyCoverage): string {
  const { family } = coverage;
  const names = memberNames(family);
  return `Variants: ${family.members.map((member, m) => `${names[m]}: ${family.namespace}/${member.name}`).join(', ')}`;
}

/** The nodes that run more than one variant, and those that run none, with the variants. */
function describeCoverage(coverage: FamilyCoverage, report: PlacementReport, color: (text: string) => string): string[] {
  const lines: string[] = [];
  const overlaps = coverage.overlapNodes.length;
  if (overlaps > 0) {
    lines.push('', `More than one variant runs on ${ofNodes(overlaps, report)}:`);
    lines.push(...overlapsOf(coverage, report.nodes, LISTED_NODES).map(({ node, variants }) => `  ${color(node)}: ${andList(variants)}`));
    if (overlaps > LISTED_NODES) lines.push(`  ... and ${overlaps - LISTED_NODES} more`);
  }
  const gaps = coverage.gapNodes.length;
  if (gaps > 0) {
    lines.push('', `No variant runs on ${ofNodes(gaps, report)}, though the family has a default:`);
    lines.push(...gapsOf(coverage, report.nodes, LISTED_NODES).map((node) => `  ${color(node)}`));
    if (gaps > LISTED_NODES) lines.push(`  ... and ${gaps - LISTED_NODES} more`);
  }
  return lines;
}

/**
 * The selector collisions of a report (its `SelectorCollision` findings), or of manifests (an
 * array of parsed objects, or a `List`), or a matcher error.
 */
function collisionsOf(context: PlacementMatcherContext, hint: string, received: unknown): { findings: Finding[]; checked: string } {
  if (isPlacementReport(received)) {
    return { findings: (received.findings ?? []).filter((f) => f.code === 'SelectorCollision'), checked: 'the report\'s findings' };
  }
  const isList = typeof received === 'object' && received !== null && Array.isArray((received as { items?: unknown }).items);
  if (!Array.isArray(received) && !isList) {
    throw matcherError(
      context,
      hint,
      `${context.utils.RECEIVED_COLOR('received')} value must be a PlacementReport or an array of manifests`,
      `Received: ${describeReceived(received)}\n` +
      'Pass the report of evaluatePulumiProgram (or evaluatePlacement), or the parsed objects themselves (Testing.synth(chart), YAML documents).',
    );
  }
  const objects = kubernetesObjects(received);
  return { findings: selectorCollisionFindings(objects), checked: `${objects.length} object${objects.length === 1 ? '' : 's'}` };
}

function message(hint: string, ...lines: string[]): () => string {
  return () => [hint, '', ...lines].join('\n');
}

/**
 * The matchers of `everynode/jest`, for `expect.extend`. Each takes the DaemonSet (or variant
 * family) as `name`, or as `namespace/name` when several namespaces hold that name, and fails with
 * a matcher error (also under `.not`) when the report holds no such DaemonSet, family or node. A
 * failure message about a DaemonSet also lists its advisories (`MixedOperatingSystems`,
 * `InsufficientResource`, ...): the matchers check where the controller creates pods, and an
 * advisory says where such a pod would still not run.
 *
 * @example
 * import { placementMatchers } from 'everynode/jest';
 * expect.extend(placementMatchers);
 *
 * expect(report).toRunOn('nvidia-device-plugin', ['gpu-1']);
 * expect(report).toSkip('logging/fluent-bit', 'win-1', 'NodeSelectorMismatch');
 * expect(report).toRunExactlyOncePerNode('observability/node-agent');
 */
export const placementMatchers = {
  /**
   * The DaemonSet runs a pod (`shouldRun`) on exactly `nodes`, in any order; a failure names the
   * missing nodes with their reasons and the unexpected ones.
   */
  toRunOn(this: PlacementMatcherContext, received: unknown, daemonSet: string, nodes: readonly string[]): PlacementMatcherResult {
    const hint = hintOf(this, 'toRunOn', 'daemonSet', 'nodes');
    const subject = subjectOf(this, hint, received, daemonSet);
    if (!Array.isArray(nodes) || nodes.some((n) => typeof n !== 'string')) {
      throw matcherError(this, hint, `${this.utils.EXPECTED_COLOR('nodes')} must be an array of node names`, `Received: ${describeReceived(nodes)}`);
    }
    const expected = [...new Set(nodes)];
    const placements = expected.map((n) => lookup(this, hint, () => findPlacement(subject.report, subject.daemonSet, n)));
    const running = runningNodes(subject.daemonSet);
    const missing = placements.filter((p) => !p.shouldRun);
    const unexpected = running.filter((n) => !expected.includes(n));
    const pass = missing.length === 0 && unexpected.length === 0;
    const id = daemonSetId(subject.daemonSet);

    if (pass) {
      return {
        pass,
        message: message(hint,
          `DaemonSet ${id} runs on exactly these nodes.`,
          `Expected: not ${printNodes(expected, this.utils.printExpected)}`,
          `Received: ${printNodes(running, this.utils.printReceived)}`,
          ...describeAdvisories(subject.daemonSet),
        ),
      };
    }
    const lines = [
      `DaemonSet ${id} runs on ${ofNodes(running.length, subject.report)}.`,
      `Expected: ${printNodes(expected, this.utils.printExpected)}`,
      `Received: ${printNodes(running, this.utils.printReceived)}`,
    ];
    if (missing.length > 0) {
      lines.push('', `Missing (${missing.length}), with the reasons they get no new pod:`, ...capped(missing, (p) => describeSkip(p, this.utils.EXPECTED_COLOR)));
    }
    if (unexpected.length > 0) {
      lines.push('', `Unexpected (${unexpected.length}), a pod runs there:`, ...capped(unexpected, (n) => [`  ${this.utils.RECEIVED_COLOR(n)}`]));
    }
    lines.push(...describeAdvisories(subject.daemonSet));
    return { pass, message: message(hint, ...lines) };
  },

  /** The DaemonSet runs a pod on every node of the inventory; a failure names the skipped nodes with their reasons. */
  toRunOnEveryNode(this: PlacementMatcherContext, received: unknown, daemonSet: string): PlacementMatcherResult {
    const hint = hintOf(this, 'toRunOnEveryNode', 'daemonSet');
    const { report, daemonSet: subject } = subjectOf(this, hint, received, daemonSet);
    const skipped = subject.placements.filter((p) => !p.shouldRun);
    const pass = skipped.length === 0;
    const id = daemonSetId(subject);
    if (pass) {
      return { pass, message: message(hint, `DaemonSet ${id} runs on every node (${ofNodes(report.nodes.length, report)}).`, ...describeAdvisories(subject)) };
    }
    return {
      pass,
      message: message(hint,
        `DaemonSet ${id} runs on ${ofNodes(report.nodes.length - skipped.length, report)}; it skips ${skipped.length}:`,
        ...capped(skipped, (p) => describeSkip(p, this.utils.RECEIVED_COLOR)),
        ...describeAdvisories(subject),
      ),
    };
  },

  /** The DaemonSet runs a pod on no node of the inventory; a failure names the nodes it runs on. */
  toRunOnNoNode(this: PlacementMatcherContext, received: unknown, daemonSet: string): PlacementMatcherResult {
    const hint = hintOf(this, 'toRunOnNoNode', 'daemonSet');
    const { report, daemonSet: subject } = subjectOf(this, hint, received, daemonSet);
    const running = runningNodes(subject);
    const pass = running.length === 0;
    const id = daemonSetId(subject);
    if (pass) {
      return {
        pass,
        message: message(hint,
          `DaemonSet ${id} runs on no node (${ofNodes(0, report)}); it skips:`,
          ...capped(subject.placements, (p) => describeSkip(p, this.utils.RECEIVED_COLOR)),
        ),
      };
    }
    return {
      pass,
      message: message(hint,
        `DaemonSet ${id} runs on ${ofNodes(running.length, report)}:`,
        ...capped(running, (n) => [`  ${this.utils.RECEIVED_COLOR(n)}`]),
        ...describeAdvisories(subject),
      ),
    };
  },

  /**
   * The DaemonSet gets no new pod on `node` (`shouldRun` is false), and, when `reasonCode` is
   * given, one of the reasons has that code; a failure shows the node's actual reasons.
   */
  toSkip(this: PlacementMatcherContext, received: unknown, daemonSet: string, node: string, reasonCode?: ReasonCode): PlacementMatcherResult {
    const hint = reasonCode === undefined
      ? hintOf(this, 'toSkip', 'daemonSet', 'node')
      : hintOf(this, 'toSkip', 'daemonSet', 'node', 'reasonCode');
    const subject = subjectOf(this, hint, received, daemonSet);
    if (reasonCode !== undefined && !Object.prototype.hasOwnProperty.call(REASON_CODES, reasonCode)) {
      throw matcherError(this, hint,
        `${this.utils.EXPECTED_COLOR('reasonCode')} must be one of ${Object.keys(REASON_CODES).join(', ')}`,
        `Received: ${this.utils.printReceived(reasonCode)}`,
      );
    }
    const placement = lookup(this, hint, () => findPlacement(subject.report, subject.daemonSet, node));
    const pass = !placement.shouldRun && (reasonCode === undefined || placement.reasons.some((r) => r.code === reasonCode));
    const id = daemonSetId(subject.daemonSet);
    const forCode = reasonCode === undefined ? '' : ` for ${reasonCode}`;

    if (placement.shouldRun) {
      return {
        pass,
        message: message(hint,
          `DaemonSet ${id} runs a pod on ${this.utils.RECEIVED_COLOR(placement.node)}.`,
          ...describeAdvisories(subject.daemonSet, [placement.node]),
        ),
      };
    }
    const summary = pass
      ? `DaemonSet ${id} skips ${placement.node}${forCode} (${verdictOf(placement)}). Its reasons:`
      : `DaemonSet ${id} skips ${placement.node} (${verdictOf(placement)}), but not for ${this.utils.EXPECTED_COLOR(reasonCode ?? '')}. Its reasons:`;
    return { pass, message: message(hint, summary, ...describeReasons(placement, '  ')) };
  },

  /**
   * The variant family (the DaemonSets of one namespace labelled `everynode.io/family=family`,
   * one per hardware variant) runs at most one variant on each node, and one on every node when
   * it has a variant named `default`; a failure names each node that runs several variants, with
   * the variants, and each node that runs none. A family without a default may leave nodes out
   * (a GPU-only daemon). `family` is `name`, or `namespace/name` when several namespaces have a
   * family of that name.
   */
  toRunExactlyOncePerNode(this: PlacementMatcherContext, received: unknown, family: string): PlacementMatcherResult {
    const hint = hintOf(this, 'toRunExactlyOncePerNode', 'family');
    const report = reportOf(this, hint, received);
    const coverage = lookup(this, hint, () => findFamily(report, family));
    const pass = isExactlyOnce(coverage);
    const id = `Variant family ${familyId(coverage)}`;
    if (pass) {
      const summary = coverage.family.hasDefault
        ? `${id} runs exactly one variant on every node (${ofNodes(report.nodes.length, report)}).`
        : `${id} runs at most one variant on every node (it has no default variant, so it may leave nodes out).`;
      return { pass, message: message(hint, summary, describeVariants(coverage)) };
    }
    return {
      pass,
      message: message(hint,
        `${id} does not run exactly once per node.`,
        describeVariants(coverage),
        ...describeCoverage(coverage, report, this.utils.RECEIVED_COLOR),
      ),
    };
  },

  /**
   * No DaemonSet's selector matches the pods of another object of its namespace (a workload, a
   * bare Pod, another DaemonSet) unless that object is annotated `everynode.io/selected-by`; a
   * failure prints each collision: which objects, which labels, what the controller does. Takes a
   * report (its `SelectorCollision` findings) or the manifests themselves.
   */
  toHaveNoSelectorCollisions(this: PlacementMatcherContext, received: unknown): PlacementMatcherResult {
    const hint = this.utils.matcherHint('toHaveNoSelectorCollisions', 'received', '', { isNot: this.isNot, promise: this.promise });
    const { findings, checked } = collisionsOf(this, hint, received);
    const pass = findings.length === 0;
    if (pass) return { pass, message: message(hint, `No selector collision in ${checked}.`) };
    return {
      pass,
      message: message(hint,
        `${findings.length} selector collision${findings.length === 1 ? '' : 's'} in ${checked}:`,
        ...capped(findings, (f) => [`  ${f.message}`]),
      ),
    };
  },
};
