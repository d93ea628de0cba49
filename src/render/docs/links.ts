import type { NamedSchema } from '../../names/index.js';
import { markdownInline } from '../../shared/escape.js';

/** Anchor id of a heading or `<a id>` in the docs (the `anchor` template helper). */
export function anchorOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

/** Whether a named schema has a docs page of its own (else it is a section of its home's page or of its operation's API page). */
export function hasOwnPage(schema: NamedSchema): boolean {
  return schema.home === undefined && schema.docOperation === undefined;
}

/**
 * Where a named schema is documented, relative to the docs folder: `Pet.md`, or `Pet.md#petowner`
 * for a schema that is a section of its home's page (`PetsApi.md#createpetrequest`: of its
 * operation's API page). The one way every page and the README link a model.
 */
export function modelHref(schema: NamedSchema): string {
  const page = schema.docFileName.slice(schema.docFileName.lastIndexOf('/') + 1);
  return hasOwnPage(schema) ? page : `${page}#${sectionAnchor(schema)}`;
}

/** The anchor of a named schema's section on its home's or API's page: the `<a id="{{anchor typeName}}">` its template writes. */
export function sectionAnchor(schema: NamedSchema): string {
  return anchorOf(schema.typeName);
}

/** `[**Pet**](Pet.md)`: the link to a named schema's docs from a page in the docs folder, its type name escaped like any inline text. */
export function modelLink(schema: NamedSchema): string {
  return `[**${markdownInline(schema.typeName)}**](${modelHref(schema)})`;
}
