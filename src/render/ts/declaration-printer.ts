import { createRequire } from 'node:module';
import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import type { MethodParameter } from '../call-shape.js';

/**
 * The client's printer: it writes the subset of ts-morph structures the client uses (imports,
 * `export *` declarations, interfaces with properties and a string index signature, type aliases,
 * the API class with its constructor and methods; docs as plain strings, types as text) and the
 * file around them (`printStatements`) onto a `CodeBlockWriter` with the same calls, in the same
 * order, as ts-morph's structure printer.
 *
 * Why: that printer gives every typed node and named import a `CodeBlockWriter` of its own
 * (`getText`), runs TypeScript's scanner over every parameter and named import to place its
 * comma, and looks up its per-kind printers through memoising decorators: on GitHub's spec
 * (38,000 property signatures, 2,400 methods) render-ts went 624 → 361 ms without them.
 * ts-morph's maintainer suggests its writer, the printer underneath, for pure generation.
 * test/unit/render/declaration-printer.test.ts holds the two printers to the same text.
 *
 * Text is written in as few `write` calls as give the same output: the writer treats one string
 * like the same characters written piece by piece (each line break it meets ends the line and
 * indents the next), so pieces are joined unless a line break would fall inside a hanging indent.
 */

/**
 * ts-morph's writer, from its own package: ts-morph itself bundles TypeScript, whose loading cost
 * every run ~80 ms and ~60 MiB (with the code cache) although only hooks need it. `require`d, so
 * it is the very module instance ts-morph uses (its CommonJS build).
 */
const Writer: typeof CodeBlockWriter = (createRequire(import.meta.url)('code-block-writer') as { default: typeof CodeBlockWriter }).default;

/** A top-level statement of a file: a declaration's writer function, or text written as it is. */
export type Statement = WriterFunction | string;

/**
 * A whole file's text from its statements, as ts-morph's `printStructure` prints a
 * SourceFileStructure of them with 2-space indents, `\n` and single quotes (the project's
 * manipulation settings, so hooks' SourceFiles get the same text).
 */
export function printStatements(statements: readonly Statement[]): string {
  const writer = new Writer({ indentNumberOfSpaces: 2, useTabs: false, newLine: '\n', useSingleQuote: true });
  writer.closeComment();
  writeStatements(writer, statements);
  writer.conditionalNewLine(!writer.isAtStartOfFirstLineOfBlock() && !writer.isLastNewLine());
  return writer.toString();
}

/** `export * from './module.js';` (ExportDeclarationStructurePrinter with only a module specifier). */
export function exportAllStatement(moduleSpecifier: string): WriterFunction {
  return (writer) => {
    writer.closeComment();
    writer.write('export * from ');
    writer.quote(moduleSpecifier);
    writer.write(';');
  };
}

/** A property signature, as ts-morph's structure with the fields the models module sets. */
export interface LeanPropertySignature {
  readonly name: string;
  readonly type: string;
  readonly hasQuestionToken: boolean;
  readonly isReadonly: boolean;
  /** JSDoc texts, each already escaped (`escape.jsdoc`). */
  readonly docs: readonly string[];
}

/** An exported interface, as ts-morph's structure with the fields the models module sets. */
export interface LeanInterface {
  readonly name: string;
  readonly docs: readonly string[];
  readonly extends?: readonly string[];
  readonly properties: readonly LeanPropertySignature[];
  /** `[key: string]: <type>`, printed before the properties as ts-morph does; none when undefined. */
  readonly indexSignatureType?: string | undefined;
}

/** An exported type alias, as ts-morph's structure with the fields the models module sets. */
export interface LeanTypeAlias {
  readonly name: string;
  readonly docs: readonly string[];
  readonly type: string;
}

/** `import type { A, B } from './module.js';`: names as written (`type X` marks one type-only import). */
export interface LeanImport {
  readonly isTypeOnly: boolean;
  readonly namedImports: readonly string[];
  readonly moduleSpecifier: string;
}

/** An import declaration as a source file statement (ts-morph gave each name a writer and scanned it for its comma). */
export function importStatement(declaration: LeanImport): WriterFunction {
  return (writer) => {
    writer.closeComment();
    const names = declaration.namedImports.length > 0 ? ` { ${declaration.namedImports.join(', ')} } from` : '';
    writer.write(`import${declaration.isTypeOnly ? ' type' : ''}${names} `);
    writer.quote(declaration.moduleSpecifier);
    writer.write(';');
  };
}

/** `export interface …` as a source file statement. */
export function interfaceStatement(declaration: LeanInterface): WriterFunction {
  return (writer) => {
    // StatementStructurePrinter: an interface starts after a blank line, unless first in its block.
    if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    const parents = declaration.extends ?? [];
    // Type names hold no line break: the hanging indent of `extends` changes nothing.
    writer.write(`export interface ${declaration.name} ${parents.length > 0 ? `extends ${parents.join(', ')} ` : ''}`);
    writer.inlineBlock(() => {
      const { indexSignatureType, properties } = declaration;
      if (indexSignatureType !== undefined) {
        if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
        writer.closeComment();
        writeTyped(writer, '[key: string]', ':', indexSignatureType, ';');
      }
      if (properties.length > 0 && !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
      for (let index = 0; index < properties.length; index++) {
        writer.conditionalNewLine(index > 0);
        writeProperty(writer, properties[index]!);
      }
    });
  };
}

/** `export type … = …;` as a source file statement. */
export function typeAliasStatement(declaration: LeanTypeAlias): WriterFunction {
  return (writer) => {
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    writeTyped(writer, `export type ${declaration.name}`, ' =', declaration.type, ';');
  };
}

/** A method's or constructor's signature: docs, parameters, return type. */
export interface LeanSignature {
  readonly docs: readonly string[];
  readonly parameters: readonly MethodParameter[];
  readonly returnType: string;
}

/** A class method with a one-statement-per-string body, after its overload signatures. */
export interface LeanMethod {
  readonly name: string;
  readonly isAsync: boolean;
  /** The implementation's docs, parameters and return type. */
  readonly signature: LeanSignature;
  readonly overloads: readonly LeanSignature[];
  readonly statements: readonly string[];
}

/** An exported class extending `extends`, with one constructor and its methods. */
export interface LeanClass {
  readonly name: string;
  readonly docs: readonly string[];
  readonly extends: string;
  readonly constructorParameters: readonly MethodParameter[];
  readonly constructorStatements: readonly string[];
  readonly methods: readonly LeanMethod[];
}

/** `export class … extends … { constructor(…) { … } methods }` as a source file statement. */
export function classStatement(declaration: LeanClass): WriterFunction {
  return (writer) => {
    if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    writer.write(`export class ${declaration.name} extends ${declaration.extends} `);
    writer.inlineBlock(() => {
      // ClassDeclarationStructurePrinter: a blank line before the constructor and before the methods, unless first.
      if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLine();
      writer.closeComment();
      writer.write('constructor');
      writeParameters(writer, declaration.constructorParameters);
      writer.space().inlineBlock(() => writeStatements(writer, declaration.constructorStatements));
      if (declaration.methods.length === 0) return;
      if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLine();
      declaration.methods.forEach((method, index) => {
        if (index > 0) writer.blankLine();
        writeMethod(writer, method);
      });
    });
  };
}

function writeMethod(writer: CodeBlockWriter, method: LeanMethod): void {
  writer.closeComment();
  // Overload signatures are never async (ts-morph does not copy the modifier to them).
  for (const overload of method.overloads) {
    writeMethodHeader(writer, method.name, false, overload);
    writer.write(';');
    writer.newLine();
  }
  writeMethodHeader(writer, method.name, method.isAsync, method.signature);
  writer.spaceIfLastNot().inlineBlock(() => writeStatements(writer, method.statements));
}

function writeMethodHeader(writer: CodeBlockWriter, name: string, isAsync: boolean, signature: LeanSignature): void {
  writeDocs(writer, signature.docs);
  writer.write(`${isAsync ? 'async ' : ''}${name}`);
  writeParameters(writer, signature.parameters);
  writeTyped(writer, '', ':', signature.returnType, '');
}

/**
 * `(a: A, b?: B, c: C = {})`. ts-morph inserts each comma after the parameter's last token, found
 * with TypeScript's scanner; type texts from TypeWriter and our initializers hold no comments, so
 * that is the end of the parameter's text. One write unless a type or initializer breaks a line;
 * then each part in ts-morph's hanging indents.
 */
function writeParameters(writer: CodeBlockWriter, parameters: readonly MethodParameter[]): void {
  if (!parameters.some(({ type, initializer }) => type.includes('\n') || initializer?.includes('\n'))) {
    writer.write(`(${parameters.map(oneLineParameter).join(', ')})`);
    return;
  }
  writer.write('(');
  if (parameters.length > 0) {
    writer.hangingIndent(() => {
      parameters.forEach((parameter, index) => {
        if (index > 0) writer.write(',').spaceIfLastNot();
        writer.closeComment();
        writer.write(parameter.name);
        writer.conditionalWrite(parameter.hasQuestionToken === true, '?');
        writer.hangingIndent(() => writer.write(`: ${parameter.type}`));
        const { initializer } = parameter;
        if (initializer !== undefined) {
          writer.hangingIndent(() => {
            writer.spaceIfLastNot();
            writer.write(`= ${initializer}`);
          });
        }
      });
    });
  }
  writer.write(')');
}

/** `b?: B` or `c: C = {}`, as the hanging-indent path writes it when nothing breaks a line. */
function oneLineParameter({ name, hasQuestionToken, type, initializer }: MethodParameter): string {
  const head = `${name}${hasQuestionToken === true ? '?' : ''}: ${type}`;
  return initializer === undefined ? head : `${head}${type.endsWith(' ') ? '' : ' '}= ${initializer}`;
}

/** StatementStructurePrinter for string and writer-function statements. */
function writeStatements(writer: CodeBlockWriter, statements: readonly Statement[]): void {
  for (const statement of statements) {
    if (lastNonWhitespaceCharIsCloseBrace(writer)) writer.blankLineIfLastNot();
    else if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLineIfLastNot();
    if (typeof statement === 'string') writer.write(statement);
    else statement(writer);
  }
}

function lastNonWhitespaceCharIsCloseBrace(writer: CodeBlockWriter): boolean {
  return writer.iterateLastCharCodes((code) => (code === 0x7d ? true : /\s/.test(String.fromCharCode(code)) ? undefined : false)) === true;
}

function writeProperty(writer: CodeBlockWriter, property: LeanPropertySignature): void {
  writer.closeComment();
  writeDocs(writer, property.docs);
  writeTyped(writer, `${property.isReadonly ? 'readonly ' : ''}${property.name}${property.hasQuestionToken ? '?' : ''}`, ':', property.type, ';');
}

/** `head: type;` (`separator` before the type, `end` after it), the type in a hanging indent when it breaks lines. */
function writeTyped(writer: CodeBlockWriter, head: string, separator: string, type: string, end: string): void {
  if (!type.includes('\n')) {
    writer.write(`${head}${separator} ${type}${end}`);
    return;
  }
  if (head !== '') writer.write(head);
  writer.hangingIndent(() => writer.write(`${separator} ${type}`));
  if (end !== '') writer.write(end);
}

/** JSDocStructurePrinter for string docs: one block each, ` * ` lines when multi-line, then a newline. */
function writeDocs(writer: CodeBlockWriter, docs: readonly string[]): void {
  for (const text of docs) {
    writer.closeComment();
    writer.write(jsdocBlock(text));
    writer.newLine();
  }
}

/** The text ts-morph's JSDoc printer writes for a string doc (the writer indents every line). */
function jsdocBlock(text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length <= 1) return `/** ${lines[0]}${lines[0]!.endsWith(' ') || lines[0] === '' ? '' : ' '}*/`;
  let block = '/**';
  for (let index = lines[0]!.length === 0 ? 1 : 0; index < lines.length; index++) block += lines[index]!.length > 0 ? `\n * ${lines[index]}` : '\n *';
  return `${block}\n */`;
}
