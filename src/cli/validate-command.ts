import { selectorCollisionFindings } from '../collisions';
import { checkDaemonSet, DaemonSetCheck, FieldErrorType, Finding, formatFieldError, formatWarning, ValidationWarning } from '../validation';
import { choiceOption, OptionSpec, parseCommandArgs, stringList } from './args';
import { CliIo } from './cli-io';
import { CommandResult } from './command-result';
import { daemonSetId, formatDaemonSetId } from './daemon-set-id';
import { ExitCode } from './exit-codes';
import { KUBERNETES_VERSION_OPTION, kubernetesVersionOption } from './kubernetes-version-option';
import { daemonSetsIn, duplicatesIn, readManifests, requireDaemonSets } from './read-manifests';
import { SourceReader } from './source-reader';
import { VALIDATE_USAGE } from './usage';
import { UsageError } from './usage-error';

const COMMAND = 'validate';

const OPTIONS: OptionSpec = {
  previous: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  strict: { type: 'boolean' },
  ...KUBERNETES_VERSION_OPTION,
};

const OUTPUTS = ['text', 'json'] as const;

/** One validation error as `everynode validate --output json` prints it. */
export interface ValidationErrorJson {
  readonly field: string;
  readonly type: FieldErrorType;
  readonly message: string;
}

/** One checked object as `everynode validate --output json` prints it. */
export interface ValidatedObjectJson {
  readonly kind: 'DaemonSet';
  readonly namespace: string;
  readonly name: string;
  readonly valid: boolean;
  readonly errors: readonly ValidationErrorJson[];
  /** What the API server accepts but is almost certainly a mistake; fails only with `--strict`. */
  readonly warnings: readonly ValidationWarning[];
}

/** What `everynode validate --output json` prints. */
export interface ValidationReportJson {
  readonly objects: readonly ValidatedObjectJson[];
  /**
   * Findings about several objects together: one defined twice (a warning), a DaemonSet whose
   * selector matches the pods of another object of its namespace (an error).
   */
  readonly findings: readonly Finding[];
}

function renderText(report: ValidationReportJson, checks: readonly DaemonSetCheck[]): string {
  const lines: string[] = [];
  report.objects.forEach((object, i) => {
    lines.push(`${object.valid ? '✔' : '✘'} ${formatDaemonSetId(object)}`);
    for (const error of checks[i].errors) lines.push(`    ${formatFieldError(error)}`);
    for (const warning of checks[i].warnings) lines.push(`    warning: ${formatWarning(warning)}`);
  });
  for (const finding of report.findings) lines.push(`${finding.severity}: ${finding.message}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `everynode validate`: checks every DaemonSet of the manifests as the API server does on
 * create, or on update of the `--previous` DaemonSet with the same namespace/name, and all the
 * manifests together for objects defined twice and for selector collisions.
 *
 * @throws UsageError or InputError for bad usage or input (exit 2)
 */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, COMMAND);
  if (values.help) return { exitCode: ExitCode.ok, stdout: VALIDATE_USAGE, stderrLines: [] };

  const output = choiceOption(values.output, 'output', OUTPUTS, 'text', COMMAND);
  const kubernetesVersion = kubernetesVersionOption(values['kubernetes-version'], COMMAND);
  if (positionals.length === 0) {
    throw new UsageError('validate needs at least one MANIFEST (a file, a directory, or - for stdin)', COMMAND);
  }

  const strict = values.strict === true;
  const reader = new SourceReader(io);
  // A Map, not an object: namespace/name come from untrusted input and may read `__proto__`.
  const previousById = new Map<string, unknown>();
  for (const previous of daemonSetsIn(await readManifests(reader, stringList(values.previous), 'previous manifest'))) {
    previousById.set(formatDaemonSetId(daemonSetId(previous)), previous);
  }
  const objects = await readManifests(reader, positionals, 'manifest');
  const daemonSets = requireDaemonSets(objects, positionals);

  const checks = daemonSets.map((daemonSet) =>
    checkDaemonSet(daemonSet, previousById.get(formatDaemonSetId(daemonSetId(daemonSet))), { kubernetesVersion }),
  );
  const report: ValidationReportJson = {
    objects: daemonSets.map((daemonSet, i) => ({
      kind: 'DaemonSet',
      ...daemonSetId(daemonSet),
      valid: checks[i].errors.length === 0,
      errors: checks[i].errors.map(({ field, type, message }) => ({ field, type, message })),
      warnings: checks[i].warnings,
    })),
    findings: [...duplicatesIn(objects), ...selectorCollisionFindings(objects.map(({ object }) => object))],
  };
  const invalid = report.objects.some((object) => !object.valid) || report.findings.some((f) => f.severity === 'error');
  const warned = report.objects.some((object) => object.warnings.length > 0) || report.findings.length > 0;
  return {
    exitCode: invalid || (strict && warned) ? ExitCode.failed : ExitCode.ok,
    stdout: output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, checks),
    stderrLines: [],
  };
}
