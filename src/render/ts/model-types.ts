import type { CodeBlockWriter } from 'ts-morph';
import type * as ir from '../../model/ir.js';
import type { NamedModel, NamedSchema } from '../../names/index.js';
import { jsdoc, stringLiteral } from '../../shared/escape.js';
import { inheritanceOf } from '../inheritance.js';
import type { TypeWriter } from '../type-text.js';
import { importStatement, interfaceStatement, printStatements, typeAliasStatement, type LeanPropertySignature, type Statement } from './declaration-printer.js';
import { modelImports } from './imports.js';
import { docsFromLines } from './jsdoc.js';

/**
 * Schemas printed per call of `printStatements`: only their statements are alive at once, and a
 * writer per schema (a text each, joined) made render-ts ~10 % slower on GitHub's spec.
 */
const SCHEMAS_PER_PRINT = 64;

/**
 * One model file's text: the declarations of `schemas` (each model followed by the hoisted inline
 * schemas and request shapes living with it), preceded by the imports of the named types they use
 * from other files. Printed a few dozen schemas at a time, so only their statements are alive at
 * once: the whole file's would be tens of MB on big specs.
 */
export function modelFileText(fileName: string, schemas: readonly NamedSchema[], model: NamedModel, allTypes: TypeWriter): string {
  const types = allTypes.recording();
  const parts: string[] = [];
  for (let start = 0; start < schemas.length; start += SCHEMAS_PER_PRINT) {
    // A blank line between schemas, whatever the printer would put between their kinds of statements.
    const statements = schemas.slice(start, start + SCHEMAS_PER_PRINT).flatMap((schema, index) => [...(index > 0 ? [BLANK_LINE] : []), ...modelDeclarations(schema, model, types)]);
    parts.push(printStatements(statements));
  }
  const imports = modelImports(types.used, fileName, model);
  if (imports.length > 0) parts.unshift(printStatements(imports.map(importStatement)));
  // Each part ends with one newline; the printer separates statements with a blank line.
  return parts.join('\n');
}

const BLANK_LINE = (writer: CodeBlockWriter) => void writer.blankLineIfLastNot();

/**
 * One named schema: an interface for object schemas and for `allOf`s that TypeScript lets extend
 * their parents (`interface Dog extends Animal { … }`, see `Inheritance`), a type alias for
 * everything else; an enum also gets the const object of its values.
 */
function modelDeclarations(schema: NamedSchema, model: NamedModel, types: TypeWriter): Statement[] {
  const docs = docsFromLines(schemaDocLines(schema.schema));
  const asInterface = inheritanceOf(model).interfaceOf(schema.name);
  const body = asInterface?.own;
  const declaration = asInterface
    ? interfaceStatement({
        name: schema.typeName,
        docs,
        extends: asInterface.parents.map((parent) => types.typeName(parent)),
        properties: body ? body.properties.map((property) => propertySignature(property, types)) : [],
        indexSignatureType: body ? types.indexSignatureType(body) : undefined,
      })
    : typeAliasStatement({ name: schema.typeName, docs, type: types.aliasType(schema) });
  const values = enumValuesObject(schema);
  return values ? [declaration, values] : [declaration];
}

/**
 * `export const Status = { Active: 'active', … } as const;` beside `type Status = 'active' | …`:
 * the values by name (keys from `x-enum-varnames` when given), usable at run time.
 */
function enumValuesObject(schema: NamedSchema): string | undefined {
  if (!schema.enumMembers || schema.enumMembers.length === 0) return undefined;
  // Written as text: a VariableStatement structure prints its initializer with a hanging indent.
  const entries = schema.enumMembers.map((member) => `  ${member.name}: ${typeof member.value === 'string' ? stringLiteral(member.value) : String(member.value)},`);
  return ['', `/** The values of \`${schema.typeName}\`, by name. */`, `export const ${schema.typeName} = {`, ...entries, '} as const;'].join('\n');
}

function propertySignature(property: ir.Property, types: TypeWriter): LeanPropertySignature {
  return {
    name: types.propertyKey(property.name),
    type: types.type(property.schema),
    hasQuestionToken: !property.required,
    isReadonly: property.schema.readOnly === true,
    docs: docsFromLines(schemaDocLines(property.schema)),
  };
}

/** Description, format, default and deprecation of a schema, as JSDoc lines. */
function schemaDocLines(schema: ir.Schema): (string | undefined)[] {
  const format = 'format' in schema && schema.format ? `Format: \`${jsdoc(schema.format)}\`.` : undefined;
  return [
    schema.description ? jsdoc(schema.description) : schema.title ? jsdoc(schema.title) : undefined,
    format,
    schema.default !== undefined ? `@defaultValue ${jsdoc(JSON.stringify(schema.default))}` : undefined,
    schema.deprecated ? '@deprecated' : undefined,
  ];
}
