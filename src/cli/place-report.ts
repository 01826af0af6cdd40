import type * as HtmlReport from '../html-report';
import { evaluatePlacement, NodeGrouping, PlacementReport, renderMarkdown, renderTable, reportJsonChunks } from '../placement';
import { CommandResult } from './command-result';
import { ExitCode } from './exit-codes';
import { failedExpectations, PlaceExpectations } from './expectations';
import { daemonSetsIn, duplicatesIn, readManifests, requirePlaceable } from './read-manifests';
import { SourceReader } from './source-reader';
import { withKubernetesVersion } from './version-checked-report';
import { JsonObject } from '../json/shape';
import { lazyModule } from '../lazy-module';
import { withFindings } from '../placement/report-families';

// Loaded for --output html only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const htmlReport = lazyModule<typeof HtmlReport>(() => require('../html-report'));

export type PlaceOutput = 'table' | 'markdown' | 'json' | 'html';

/** What `everynode place` was asked for, its inventory read. */
export interface PlaceRequest {
  readonly nodes: readonly JsonObject[];
  readonly manifests: readonly string[];
  readonly output: PlaceOutput;
  readonly groupNodes: NodeGrouping;
  readonly kubernetesVersion: string | undefined;
  readonly expectations: PlaceExpectations;
}

function* jsonLines(report: PlacementReport): Generator<Uint8Array | string> {
  // CliIo writes each chunk before the next is made: one buffer serves every DaemonSet.
  yield* reportJsonChunks(report, { reuseBuffer: true });
  yield '\n';
}

function render(report: PlacementReport, output: PlaceOutput, groupNodes: NodeGrouping): CommandResult['stdout'] {
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
 * The second half of `everynode place`: reads the manifests, evaluates their DaemonSets and static
 * pods against the nodes, and checks the expectations.
 *
 * @throws UsageError or InputError for bad usage or input (exit 2)
 */
export async function placeReport(request: PlaceRequest, reader: SourceReader): Promise<CommandResult> {
  const objects = await readManifests(reader, request.manifests, 'manifest');
  const placeable = requirePlaceable(objects, request.manifests);

  // The report's duplicates are among DaemonSets and name objects only; the CLI knows every
  // object and the file and document it came from. Its other findings stand as they are.
  const evaluated = evaluatePlacement(placeable, request.nodes);
  const found = withFindings(evaluated, [
    ...duplicatesIn(objects),
    ...evaluated.findings.filter((finding) => finding.code !== 'DuplicateObject'),
  ]);
  const { kubernetesVersion } = request;
  const report = kubernetesVersion === undefined ? found : withKubernetesVersion(found, daemonSetsIn(objects), kubernetesVersion);
  const failures = failedExpectations(report, request.expectations);
  return {
    exitCode: failures.length > 0 ? ExitCode.failed : ExitCode.ok,
    stdout: render(report, request.output, request.groupNodes),
    stderrLines: failures,
  };
}
