/**
 * Jest runs the TypeScript sources directly as native ESM. @swc/jest strips types without
 * type-checking (fast; `npm run lint` and the build type-check), and keeps `import.meta.url`,
 * which ts-jest's CommonJS mode would break. Node needs --experimental-vm-modules (see package.json).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
    // swagger-parser (CommonJS) require()s json-schema-ref-parser (ESM only); Node allows that, Jest's
    // module loader does not, so that one package is compiled to CommonJS for the tests.
    'json-schema-ref-parser/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@apidevtools/json-schema-ref-parser/)'],
  testTimeout: 60000,
};
