import * as path from 'path';
import { EverynodeValidationProps, PluginPropertyError, PluginSettings, pluginSettings } from './plugin-properties';
import { SynthValidationContext } from './synth-validation-contract';
import {
  advisoryViolations,
  expectationViolation,
  findingViolation,
  rejectedViolations,
  RuledViolation,
  warningViolations,
} from './synth-violations';
import { readSynthesizedObjects, SynthesizedObject } from './synthesized-objects';
import { selectorCollisionFindings } from '../collisions';
import { expectationFailures } from '../expectations/placement-expectations';
import { isKind, loadInventory } from '../input';
import { evaluatePlacement } from '../placement/evaluate-placement';
import { checkDaemonSet, describeObject, duplicateObjectFindings, Finding } from '../validation';

/**
 * everynode as a `cdk8s synth` validation plugin: the cdk8s CLI loads it from `cdk8s.yaml` and
 * hands it every synthesized manifest, whatever made the objects in it (everynode's constructs,
 * cdk8s-plus, a plain `ApiObject`, an imported Helm chart).
 *
 * It checks each DaemonSet as the API server would (`checkDaemonSet`), and all the objects
 * together for selector collisions and objects defined twice. With an `inventory`, it also places
 * every DaemonSet as the DaemonSet controller would (`evaluatePlacement`): the `expectations`,
 * the variant families (overlaps and gaps), and advisories. Each violation names the rule, the
 * object (the CLI adds its construct path) with the field or the nodes, and the fix; the synth
 * fails on an error or a broken expectation, and on advisories and warnings only when asked
 * (`failOnAdvisories`, `strict`): otherwise they are listed in a passing report, their rule names
 * marked `advisory:` and `warning:`.
 *
 * ```yaml
 * # cdk8s.yaml
 * validations:
 *   - package: everynode
 *     version: 1.2.3            # an exact version: the CLI refuses ranges
 *     class: EverynodeValidation
 *     properties:
 *       inventory: nodes.yaml   # relative to this file's directory
 *       expectations:
 *         everyNode: [observability/fluent-bit]
 * ```
 */
export class EverynodeValidation {
  private readonly settings: PluginSettings;
  private readonly nodes?: ReadonlyArray<{ readonly [key: string]: unknown }>;

  /**
   * @param properties the `properties` of the plugin's entry in `cdk8s.yaml`
   * @throws PluginPropertyError naming the property that cannot be used (a missing inventory
   *   file, an unknown key), so that `cdk8s synth` stops before checking anything
   */
  constructor(properties: EverynodeValidationProps = {}) {
    this.settings = pluginSettings(properties);
    const inventory = this.settings.inventory;
    if (inventory !== undefined) {
      try {
        this.nodes = loadInventory(inventory);
      } catch (error) {
        const where = path.isAbsolute(inventory) ? '' : ` (relative to ${process.cwd()}, where cdk8s synth runs)`;
        throw new PluginPropertyError('inventory', `${(error as Error).message}${where}`);
      }
    }
  }

  /** Checks the manifests and submits the report: `failure` when a rule that fails the synth is broken. */
  public async validate(context: SynthValidationContext): Promise<void> {
    const synthesized = readSynthesizedObjects(context.manifests);
    const ruled = this.check(synthesized);
    for (const { violation } of ruled) context.report.addViolation(violation);
    const daemonSets = synthesized.filter(({ object }) => isKind(object, 'DaemonSet')).length;
    const failed = ruled.filter(({ fails }) => fails).length;
    context.report.submit(failed > 0 ? 'failure' : 'success', {
      'DaemonSets checked': String(daemonSets),
      'Nodes': this.nodes === undefined ? 'no inventory: placement not checked' : String(this.nodes.length),
      'Violations that fail the synth': String(failed),
    });
  }

  private check(synthesized: readonly SynthesizedObject[]): RuledViolation[] {
    const { kubernetesVersion, strict, failOnAdvisories, expectations } = this.settings;
    const objects = synthesized.map(({ object }) => object);
    // A Map, not an object: names come from the manifests and may read `__proto__`.
    const byId = new Map<string, SynthesizedObject[]>();
    for (const entry of synthesized) {
      const id = describeObject(entry.object);
      byId.set(id, [...(byId.get(id) ?? []), entry]);
    }
    const objectsNamed = (id: string): readonly SynthesizedObject[] => byId.get(id) ?? [];

    const ruled: RuledViolation[] = [];
    for (const entry of synthesized) {
      if (!isKind(entry.object, 'DaemonSet')) continue;
      const { errors, warnings } = checkDaemonSet(entry.object, undefined, { kubernetesVersion });
      ruled.push(...rejectedViolations(entry, errors), ...warningViolations(entry, warnings, strict));
    }

    const findings: Finding[] = [...selectorCollisionFindings(objects)];
    if (this.nodes === undefined) {
      findings.push(...duplicateObjectFindings(objects));
    } else {
      const report = evaluatePlacement(objects, this.nodes);
      findings.push(...report.findings);
      for (const failure of expectationFailures(report, expectations)) {
        // A family found but covering nodes wrongly is a VariantOverlap or VariantGap finding already.
        if (failure.expectation === 'exactlyOnce' && failure.daemonSets.length > 0) continue;
        ruled.push(expectationViolation(failure, objectsNamed));
      }
      // A DaemonSet defined twice is evaluated twice: the k-th entry of an id is its k-th object.
      const seen = new Map<string, number>();
      for (const daemonSet of report.daemonSets) {
        if (daemonSet.kind !== undefined) continue;
        const id = `DaemonSet ${daemonSet.namespace}/${daemonSet.name}`;
        const k = seen.get(id) ?? 0;
        seen.set(id, k + 1);
        const entry = objectsNamed(id)[k];
        if (entry !== undefined) ruled.push(...advisoryViolations(entry, daemonSet, failOnAdvisories));
      }
    }
    ruled.push(...findings.map((finding) => findingViolation(finding, objectsNamed, strict)));
    return ruled;
  }
}
