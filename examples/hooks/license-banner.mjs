// oasgen hooks module: a license header on every generated TypeScript file.
//
//   oasgen generate --input api.yaml --output client --hooks examples/hooks/license-banner.mjs
//
// The `banner.hbs` template already heads every file with `//` lines; this hook adds a
// `/*! … */` block, the form bundlers and minifiers keep in their output.

const LICENSE = ['Copyright (c) Example Corp.', 'SPDX-License-Identifier: Apache-2.0'];

/**
 * Runs once per TypeScript file (runtime.ts included), after oasgen built it and before its
 * text is taken.
 * @type {import('oasgen').TransformSourceFile}
 */
export function transformSourceFile(file) {
  file.insertText(0, `/*!\n${LICENSE.map((line) => ` * ${line}`).join('\n')}\n */\n\n`);
}
