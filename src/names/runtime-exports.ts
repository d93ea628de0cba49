/**
 * Every name that the client runtime (src/runtime/runtime.ts) exports: generated names must
 * not take them, since index.ts re-exports the runtime beside the models. A unit test keeps
 * this list equal to the runtime's real exports.
 */
export const RUNTIME_EXPORTS: readonly string[] = [
  'ApiError',
  'ApiResponse',
  'BaseApi',
  'Configuration',
  'ConfigurationParameters',
  'Credential',
  'FetchParams',
  'hasStatus',
  'Middleware',
  'NetworkError',
  'QueryParameter',
  'RequestOptions',
  'RequestSpec',
  'ResponseKind',
  'SecurityScheme',
  'StyledParameter',
  'TimeoutError',
];
