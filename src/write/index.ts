export { assertSafeRelativePath, type FileSet } from './file-set.js';
export { createManifest, MANIFEST_PATH, type Manifest } from './manifest.js';
export { diffOutput, writeOutput, type OutputDiff, type WriteResult } from './write-output.js';
export { StagedOutput } from './staged-output.js';
