import type * as HtmlReport from '../html-report';
import { parseInventory } from '../input';
import { evaluatePlacement, NodeGrouping, PlacementReport, renderMarkdown, renderTable, reportJsonChunks } from '../placement';
import { choiceOption, OptionSpec, parseCommandArgs, stringList } from './args';
import { CliIo } from './cli-io';
import { CommandResult } from './command-result';
import { ExitCode } from './exit-codes';
import { checkObjectNames, failedExpectations } from './expectations';
import { KUBERNETES_VERSION_OPTION, kubernetesVersionOption } from './kubernetes-version-option';
import { daemonSetsIn, duplicatesIn, readManifests, requirePlaceable } from './read-manifests';
import { SourceReader } from './source-reader';
import { PLACE_USAGE } from './usage';
import { UsageError } from './usage-error';
import { withKubernetesVersion } from './version-checked-report';
import { lazyModule } from '../lazy-module';
import { withFindings } from '../placement/report-families';

const COMMAND = 'place';

// Loaded for --output html only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const htmlReport = lazyModule<typeof HtmlReport>(() => require('../html-report'));

const OPTIONS: OptionSpec = {
  'inventory': { type: 'string', short: 'i' },
  'output': { type: 'string', short: 'o' },
  'group-nodes': { type: 'string' },
  'expect-every-node': { type: 'string', multiple: true },
  'expect-exactly-once': { type: 'string', multiple: true },
  'fail-on-errors': { type: 'boolean' },
  'fail-on-advisories': { type: 'boolean' },
  'strict': { type: 'boolean' },
  ...KUBERNETES_VERSION_OPTION,
};

const OUTPUTS = ['table', 'markdown', 'json', 'html'] as const;
const GROUPINGS: readonly NodeGrouping[] = ['auto', 'always', 'never'];

function* jsonLines(report: PlacementReport): Generator<Uint8Array | string> {
  // CliIo writes each chunk before the next is made: one buffer serves every DaemonSet.
  yield* reportJsonChunks(report, { reuseBuffer: true });
  yield '\n';
}

function render(report: PlacementReport, output: typeof OUTPUTS[number], groupNodes: NodeGrouping): CommandResult['stdout'] {
  switch (output) {
    case 'json':
      // Produced while written, a DaemonSet at a time: 15,000 nodes x 100 DaemonSets is 1.5
      // million placements and hundreds of megabytes of text.
      return jsonLines(report);
    case 'markdown':
      return renderMarkdown(report, { groupNodes });
    case 'html':
      return htmlReport.renderHtml(report);
    case 'table':
      return renderTable(report, { groupNodes });
  }
}

/**
 * `everynode place`: evaluates the DaemonSets and static pods of the manifests against the inventory, prints
 * the report, and checks the expectations asked for.
 *
 * @throws UsageError or InputError for bad usage or input (exit 2)
 */
export async function placeCommand(args: readonly string[], io: CliIo): Promise<CommandResult> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, COMMAND);
  if (values.help) return { exitCode: ExitCode.ok, stdout: PLACE_USAGE, stderrLines: [] };

  const output = choiceOption(values.output, 'output', OUTPUTS, 'table', COMMAND);
  const groupNodes = choiceOption(values['group-nodes'], 'group-nodes', GROUPINGS, 'auto', COMMAND);
  const kubernetesVersion = kubernetesVersionOption(values['kubernetes-version'], COMMAND);
  const everyNode = stringList(values['expect-every-node']);
  checkObjectNames(everyNode, '--expect-every-node');
  const exactlyOnce = stringList(values['expect-exactly-once']);
  checkObjectNames(exactlyOnce, '--expect-exactly-once');
  const inventoryArgument = values.inventory;
  if (typeof inventoryArgument !== 'string' || inventoryArgument === '') {
    throw new UsageError('place needs --inventory FILE (the output of `kubectl get nodes -o yaml`)', COMMAND);
  }
  if (positionals.length === 0) {
    throw new UsageError('place needs at least one MANIFEST (a file, a directory, or - for stdin)', COMMAND);
  }

  const reader = new SourceReader(io);
  const inventorySource = await reader.readFile(inventoryArgument, 'inventory');
  const nodes = parseInventory(inventorySource.text, inventorySource.name);
  const objects = await readManifests(reader, positionals, 'manifest');
  const placeable = requirePlaceable(objects, positionals);

  // The report's duplicates are among DaemonSets and name objects only; the CLI knows every
  // object and the file and document it came from. Its other findings stand as they are.
  const evaluated = evaluatePlacement(placeable, nodes);
  const found = withFindings(evaluated, [
    ...duplicatesIn(objects),
    ...evaluated.findings.filter((finding) => finding.code !== 'DuplicateObject'),
  ]);
  const report = kubernetesVersion === undefined ? found : withKubernetesVersion(found, daemonSetsIn(objects), kubernetesVersion);
  const failures = failedExpectations(report, {
    everyNode,
    exactlyOnce,
    failOnErrors: values['fail-on-errors'] === true,
    failOnAdvisories: values['fail-on-advisories'] === true,
    failOnWarnings: values.strict === true,
  });
  return {
    exitCode: failures.length > 0 ? ExitCode.failed : ExitCode.ok,
    stdout: render(report, output, groupNodes),
    stderrLines: failures,
  };
}
