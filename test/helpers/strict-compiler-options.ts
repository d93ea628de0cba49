/** The strictest tsc settings generated code must pass (module settings are added per run). */
export const STRICT_COMPILER_OPTIONS = {
  target: 'es2022',
  lib: ['ES2022', 'DOM'],
  types: [],
  strict: true,
  noEmit: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  noUnusedLocals: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
} as const;
