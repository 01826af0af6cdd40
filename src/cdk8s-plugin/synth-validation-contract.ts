/*
 * The part of cdk8s-cli's validation plugin contract (`cdk8s-cli/lib/plugins/validation.d.ts`)
 * that everynode uses, written out so that the core entry needs neither cdk8s-cli nor cdk8s: the
 * CLI constructs the plugin class with the `properties` of its `cdk8s.yaml` entry and calls
 * `validate` with a context whose report it prints, construct paths added.
 */

/** A synthesized object that breaks a rule. */
export interface SynthViolatingResource {
  /**
   * The object's `metadata.name`: the CLI looks the construct path up by it, in the
   * `construct-metadata.json` that `cdk8s synth --validate` has the app write.
   */
  readonly resourceName: string;
  /** Where in the object (field paths) or in the cluster (nodes) the rule breaks. */
  readonly locations: readonly string[];
  /** The synthesized file the object is in. */
  readonly manifestPath: string;
}

/** One broken rule, as the CLI's report prints it. */
export interface SynthViolation {
  readonly ruleName: string;
  /** What is wrong. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  readonly violatingResources: readonly SynthViolatingResource[];
}

/** The report a plugin fills: violations, then one `submit`. */
export interface SynthValidationReport {
  addViolation(violation: SynthViolation): void;
  /** `failure` fails `cdk8s synth` (exit 2). */
  submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
}

/** What `cdk8s synth` hands a validation plugin. */
export interface SynthValidationContext {
  /** The synthesized manifests' paths (as the CLI names them: under its output directory). */
  readonly manifests: readonly string[];
  readonly report: SynthValidationReport;
}
