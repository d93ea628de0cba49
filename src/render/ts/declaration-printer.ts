import type { CodeBlockWriter, WriterFunction } from 'ts-morph';

/**
 * The model declarations' printer: it writes the subset of ts-morph structures the models module
 * uses (interfaces with properties and a string index signature, type aliases; docs as plain
 * strings, types as text) onto the file's `CodeBlockWriter` with the same calls, in the same
 * order, as ts-morph's structure printer.
 *
 * Why: that printer gives every typed node a `CodeBlockWriter` of its own (`getText`), and looks
 * up its per-kind printers through memoising decorators: on GitHub's spec (38,000 property
 * signatures) that was a fifth of render-ts. ts-morph's maintainer suggests its writer, the
 * printer underneath, for pure generation. test/render/declaration-printer.test.ts holds the two
 * printers to the same text.
 */

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
  /** `[key: string]: <type>`, printed before the properties as ts-morph does. */
  readonly indexSignatureType?: string;
}

/** An exported type alias, as ts-morph's structure with the fields the models module sets. */
export interface LeanTypeAlias {
  readonly name: string;
  readonly docs: readonly string[];
  readonly type: string;
}

/** `export interface …` as a source file statement. */
export function interfaceStatement(declaration: LeanInterface): WriterFunction {
  return (writer) => {
    // StatementStructurePrinter: an interface starts after a blank line, unless first in its block.
    if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
    writer.closeComment();
    writeDocs(writer, declaration.docs);
    writer.write('export ');
    writer.write(`interface ${declaration.name}`);
    writer.space();
    const parents = declaration.extends ?? [];
    if (parents.length > 0) writer.hangingIndent(() => writer.write(`extends ${parents.join(', ')} `));
    writer.inlineBlock(() => {
      const { indexSignatureType, properties } = declaration;
      if (indexSignatureType !== undefined) {
        if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
        writer.closeComment();
        writer.write('[key: string]');
        writer.hangingIndent(() => writer.write(`: ${indexSignatureType}`));
        writer.write(';');
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
    writer.write('export ');
    writer.write(`type ${declaration.name}`);
    writer.hangingIndent(() => writer.write(` = ${declaration.type}`));
    writer.write(';');
  };
}

function writeProperty(writer: CodeBlockWriter, property: LeanPropertySignature): void {
  writer.closeComment();
  writeDocs(writer, property.docs);
  if (property.isReadonly) writer.write('readonly ');
  writer.write(property.name);
  writer.conditionalWrite(property.hasQuestionToken, '?');
  writer.hangingIndent(() => writer.write(`: ${property.type}`));
  writer.write(';');
}

/** JSDocStructurePrinter for string docs: one block each, ` * ` lines when multi-line, then a newline. */
function writeDocs(writer: CodeBlockWriter, docs: readonly string[]): void {
  for (const text of docs) {
    writer.closeComment();
    const lines = text.split(/\r?\n/);
    writer.write('/**');
    if (lines.length <= 1) {
      writer.space();
      writer.write(lines[0]!);
    } else {
      writer.newLine();
      for (let index = lines[0]!.length === 0 ? 1 : 0; index < lines.length; index++) {
        writer.write(' *');
        if (lines[index]!.length > 0) writer.write(` ${lines[index]}`);
        writer.newLine();
      }
    }
    writer.spaceIfLastNot();
    writer.write('*/');
    writer.newLine();
  }
}
