// oasgen hooks module: wraps every API method so that each HTTP call is recorded as a
// User Timing measure (`performance.measure`): visible in browser devtools, and in Node.js
// through `performance.getEntriesByType('measure')` or a PerformanceObserver. Web-platform
// globals only, like the rest of the client. No import needed: the file's own ts-morph API
// does the work.
//
//   oasgen generate --input api.yaml --output client --hooks examples/hooks/tracing.mjs

/**
 * @type {import('oasgen').TransformSourceFile}
 */
export function transformSourceFile(file, info) {
  if (info.kind !== 'api' || !info.api) return;
  const apiClass = file.getClassOrThrow(info.api.className);
  // Every call goes through the `…Raw` method, so wrapping those traces each request once.
  for (const operation of info.api.operations) {
    const method = apiClass.getMethodOrThrow(operation.rawMethodName);
    const body = method.getBodyText() ?? '';
    const name = `${info.api.className}.${operation.methodName}`; // identifiers: safe in quotes
    method.setBodyText((writer) => {
      writer.write(`return traced('${name}', async () => `).inlineBlock(() => writer.write(body)).write(');');
    });
  }
  file.addFunction({
    name: 'traced',
    docs: ['Records the duration of `call` as a User Timing measure named `name` (added by the tracing hook).'],
    isAsync: true,
    typeParameters: ['T'],
    parameters: [
      { name: 'name', type: 'string' },
      { name: 'call', type: '() => Promise<T>' },
    ],
    returnType: 'Promise<T>',
    statements: [
      'const start = performance.now();',
      'try {\n  return await call();\n} finally {\n  performance.measure(name, { start, end: performance.now() });\n}',
    ],
  });
}
