export { renderTable, TableOptions } from './table';
export { renderMarkdown } from './markdown';
export { describeRollout, MatrixOptions, NodeGrouping, placementMatrix, PlacementMatrix, MatrixColumn, MatrixRow, MARKS } from './matrix';
export { JsonChunkOptions, renderJson, reportJsonChunks } from './json';
