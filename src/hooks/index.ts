export type { Hooks, LoadedHooks, SourceFileInfo, TransformModel, TransformSourceFile } from './hooks.js';
export { INLINE_HOOKS, loadHooks } from './load-hooks.js';
export { checkModelHookOutput, runModelHook, sourceFileHook } from './run-hooks.js';
