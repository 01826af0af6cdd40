import { SynthViolatingResource, SynthViolation } from './synth-validation-contract';
import { SynthesizedObject } from './synthesized-objects';
import { ExpectationFailure } from '../expectations/placement-expectations';
import { stringAt, objectAt } from '../json/shape';
import { Advisory, AdvisoryCode, DaemonSetPlacement } from '../placement/report';
import { describeObject, FieldError, Finding, FindingCode, formatFieldError, formatWarning, ValidationWarning } from '../validation';

/** A violation, and whether it fails the synth (a non-failing one is listed, and says so in its rule name). */
export interface RuledViolation {
  readonly violation: SynthViolation;
  readonly fails: boolean;
}

/** Nodes a violation lists as locations before the rest is counted. */
const LISTED_NODES = 20;

/** The rule name: the code, marked `warning:` or `advisory:` when it does not fail the synth. */
function ruleName(code: string, fails: boolean, severity: 'warning' | 'advisory'): string {
  return fails ? code : `${severity}: ${code}`;
}

function resourceOf(synthesized: SynthesizedObject, locations: readonly string[]): SynthViolatingResource {
  return {
    resourceName: stringAt(objectAt(synthesized.object.metadata)?.name) ?? '',
    locations,
    manifestPath: synthesized.manifestPath,
  };
}

function listedNodes(nodes: readonly string[], describe: (node: string) => string): string[] {
  const shown = nodes.slice(0, LISTED_NODES).map(describe);
  return nodes.length > LISTED_NODES ? [...shown, `and ${nodes.length - LISTED_NODES} more nodes`] : shown;
}

const FIXES_BY_ERROR_TYPE: Record<FieldError['type'], (field: string) => string> = {
  Required: (field) => `Set ${field}.`,
  Invalid: (field) => `Change ${field} to a value the API server accepts, as the message says.`,
  TypeInvalid: (field) => `Give ${field} a value of the type the API server expects.`,
  NotSupported: (field) => `Change ${field} to one of the supported values the message lists.`,
  Forbidden: (field) => `Remove ${field}, or change what forbids it, as the message says.`,
  Duplicate: (field) => `Remove the duplicate ${field}.`,
  NotFound: (field) => `Change ${field} to name something that exists.`,
  TooLong: (field) => `Shorten ${field}.`,
};

const ROLLING_UPDATE = 'spec.updateStrategy.rollingUpdate';

/** Fixes that say more than the error type does, for the rules users break most (by field and message). */
const FIXES_BY_FIELD: ReadonlyMap<string, string> = new Map([
  [`${ROLLING_UPDATE}.maxSurge: may not be set when maxUnavailable is non-zero`,
    'Set maxUnavailable: 0 beside maxSurge (maxUnavailable defaults to 1, and only one of the two may be non-zero), or drop maxSurge.'],
  [`${ROLLING_UPDATE}.maxUnavailable: cannot be 0 when maxSurge is 0`, 'Make one of maxUnavailable and maxSurge non-zero.'],
]);

function fixOf(error: FieldError): string {
  return FIXES_BY_FIELD.get(`${error.field}: ${error.message}`) ?? FIXES_BY_ERROR_TYPE[error.type](error.field);
}

/** One failing violation per API server error: `kubectl apply` would refuse the DaemonSet. */
export function rejectedViolations(synthesized: SynthesizedObject, errors: readonly FieldError[]): RuledViolation[] {
  const id = describeObject(synthesized.object);
  return errors.map((error) => ({
    fails: true,
    violation: {
      ruleName: 'RejectedByApiServer',
      recommendation: `The API server rejects ${id} (kubectl apply fails): ${formatFieldError(error)}`,
      fix: fixOf(error),
      violatingResources: [resourceOf(synthesized, [error.field])],
    },
  }));
}

/** One violation per warning: what the API server accepts but is almost certainly a mistake. */
export function warningViolations(synthesized: SynthesizedObject, warnings: readonly ValidationWarning[], strict: boolean): RuledViolation[] {
  const id = describeObject(synthesized.object);
  return warnings.map((warning) => ({
    fails: strict,
    violation: {
      ruleName: ruleName(warning.code, strict, 'warning'),
      recommendation: `The API server accepts ${id}, but this is almost certainly a mistake: ${formatWarning(warning)}`,
      fix: warning.field ? `Correct or remove ${warning.field}.` : 'Correct the object as the message says.',
      violatingResources: [resourceOf(synthesized, warning.field ? [warning.field] : [])],
    },
  }));
}

const ADVISORY_FIXES: Record<AdvisoryCode, string> = {
  InsufficientResource: "Lower the containers' resource requests, or keep the DaemonSet off these nodes (nodeSelector or node affinity).",
  HostPortConflict: 'Give one of the DaemonSets another hostPort, or keep the two off the same nodes.',
  MixedOperatingSystems: 'Select one operating system (a nodeSelector on kubernetes.io/os), or make one variant per operating system.',
};

/**
 * One violation per DaemonSet and advisory code, with each node as a location: the DaemonSet
 * controller creates these pods, but the scheduler would leave them Pending (or they fail to start).
 */
export function advisoryViolations(synthesized: SynthesizedObject, daemonSet: DaemonSetPlacement, failOnAdvisories: boolean): RuledViolation[] {
  const byCode = new Map<AdvisoryCode, Advisory[]>();
  for (const advisory of daemonSet.advisories) byCode.set(advisory.code, [...(byCode.get(advisory.code) ?? []), advisory]);
  const id = describeObject(synthesized.object);
  return [...byCode].map(([code, advisories]) => {
    const nodes = advisories.map((advisory) => advisory.node);
    const message = new Map(advisories.map((advisory) => [advisory.node, advisory.message]));
    return {
      fails: failOnAdvisories,
      violation: {
        ruleName: ruleName(code, failOnAdvisories, 'advisory'),
        recommendation: `The DaemonSet controller creates a pod of ${id} on ${nodes.length} node${nodes.length === 1 ? '' : 's'} ` +
          `where it would not run: ${advisories[0].message}`,
        fix: ADVISORY_FIXES[code],
        violatingResources: [resourceOf(synthesized, listedNodes(nodes, (node) => `node ${node}: ${message.get(node)}`))],
      },
    };
  });
}

const FINDING_FIXES: Record<FindingCode, string> = {
  DuplicateObject: 'Remove one of the two objects, or give them different names.',
  VariantOverlap: "Make the variants' node filters exclusive, so that each node matches one variant.",
  VariantGap: 'Widen the node filters (or tolerations) of the variants, so that one of them runs on every node.',
  NodeNotInInventory: 'Add the nodes to the inventory, or drop the static pod files for them.',
  DuplicateStaticPod: 'Keep one file of the static pod per node.',
  SelectorCollision: 'Give the DaemonSet a selector that matches only its own pods, or annotate the other object with ' +
    'everynode.io/selected-by: <DaemonSet name> when the match is intended.',
};

/** One violation per app-wide finding, naming each object it is about. */
export function findingViolation(finding: Finding, objectsNamed: (id: string) => readonly SynthesizedObject[], strict: boolean): RuledViolation {
  const fails = finding.severity === 'error' || strict;
  const nodes = finding.nodes ?? [];
  const locations = listedNodes(nodes, (node) => `node ${node}`);
  const resources = [...new Set(finding.objects)].flatMap((id) => objectsNamed(id).map((object) => resourceOf(object, locations)));
  return {
    fails,
    violation: {
      ruleName: ruleName(finding.code, fails, 'warning'),
      recommendation: finding.message,
      fix: FINDING_FIXES[finding.code],
      violatingResources: resources,
    },
  };
}

function expectationFix(failure: ExpectationFailure): string {
  const property = `expectations.${failure.expectation}`;
  const missing = failure.daemonSets.length === 0;
  switch (failure.expectation) {
    case 'everyNode':
      return missing
        ? `Add the DaemonSet, or correct '${failure.wanted}' in ${property}.`
        : `Tolerate the taints and widen the node filters the reasons name, or drop the DaemonSet from ${property}.`;
    case 'nodes':
      return missing
        ? `Add the DaemonSet, or correct '${failure.wanted}' in ${property}.`
        : `Change the node filters and tolerations so that the DaemonSet matches exactly these nodes, or correct ${property}.`;
    case 'exactlyOnce':
      return missing
        ? `Label the family's DaemonSets everynode.io/family, or correct '${failure.wanted}' in ${property}.`
        : "Change the variants' node filters and tolerations so that exactly one of them matches each node.";
  }
}

/** A failing violation for a broken expectation, with each node where it breaks (and why) as a location. */
export function expectationViolation(failure: ExpectationFailure, objectsNamed: (id: string) => readonly SynthesizedObject[]): RuledViolation {
  const resources = failure.daemonSets.flatMap((daemonSet) => {
    const placements = new Map(daemonSet.placements.map((placement) => [placement.node, placement]));
    const locations = listedNodes(failure.nodes, (node) => {
      const placement = placements.get(node);
      if (placement === undefined) return `node ${node}`;
      if (placement.shouldRun) return `node ${node}: runs a pod`;
      return `node ${node}: ${placement.reasons.map((reason) => reason.message).join(' and ')}`;
    });
    return objectsNamed(`DaemonSet ${daemonSet.namespace}/${daemonSet.name}`).map((object) => resourceOf(object, locations));
  });
  return {
    fails: true,
    violation: {
      ruleName: `expectations.${failure.expectation}`,
      recommendation: failure.message,
      fix: expectationFix(failure),
      violatingResources: resources,
    },
  };
}
