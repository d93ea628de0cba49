/**
 * Reads an API docs page in openapi-generator's layout (the seed pages and oasgen's docs share it):
 * the method table, then per method its signature line, Parameters table, Return type,
 * Authorization, HTTP request headers and HTTP response details. Cells come back as plain text
 * (markdown backslash escapes removed); link targets are dropped, the bold text kept.
 */

/** One row of the page's method table. */
export interface PageMethodRow {
  readonly name: string;
  readonly httpMethod: string;
  readonly path: string;
  readonly description: string;
}

/** One row of a Parameters table. */
export interface PageParameter {
  readonly name: string;
  readonly type: string;
  /** True when the type cell links to a model page. */
  readonly linked: boolean;
  readonly description: string;
  readonly notes: string;
}

/** One method's section. */
export interface PageMethod {
  readonly name: string;
  /** The text after `> ` under the heading (backticks removed). */
  readonly signature: string;
  /** Every signature line before the first subsection (several when the body type depends on the content type). */
  readonly signatures: readonly string[];
  readonly parameters: readonly PageParameter[];
  /** `void` for "void (empty response body)", else the type text. */
  readonly returnType: string;
  readonly authorization: string;
  /** `undefined` for "Not defined". */
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  readonly responses: readonly { readonly status: string; readonly description: string }[];
  /** Languages of the fenced code blocks in the section, in order. */
  readonly exampleLanguages: readonly string[];
}

export interface ApiPage {
  /** The `# ` title (e.g. `identity_sdk.SessionsApi`). */
  readonly title: string;
  readonly methodTable: readonly PageMethodRow[];
  readonly methods: readonly PageMethod[];
}

/** `a \| b` → `a | b`, `session\_id` → `session_id`, `A &amp; B` → `A & B` (as a markdown renderer shows them). */
export function unescapeMarkdown(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!);
}

/** Cells of a pipe-table row, split on unescaped `|`, trimmed, leading/trailing empty edge cells dropped. */
export function tableCells(row: string): string[] {
  const cells = row.split(/(?<!\\)\|/).map((cell) => cell.trim());
  if (row.trim().startsWith('|')) cells.shift();
  if (row.trim().endsWith('|')) cells.pop();
  return cells;
}

/**
 * `[**X**](X.md)` or `**X**` → X (unescaped); a union with its members linked one by one,
 * `[**A**](A.md) \\| **null**`, → `A | null`.
 */
export function boldText(cell: string): { text: string; linked: boolean } {
  const parts = cell.split(' \\| ');
  const members = parts.map((part) => /^\[\*\*(.*)\*\*\]\([^)]*\)$|^\*\*(.*)\*\*$/.exec(part));
  if (parts.length > 1 && members.every((member) => member !== null) && parts.some((part) => part.startsWith('[**'))) {
    return { text: members.map((member) => unescapeMarkdown(member![1] ?? member![2]!)).join(' | '), linked: true };
  }
  const linked = /^\[\*\*.*\*\*\]\([^)]*\)$/.test(cell);
  const match = /^\[?\*\*(.*)\*\*\]?(?:\([^)]*\))?$/.exec(cell);
  return { text: unescapeMarkdown(match ? match[1]! : cell).trim(), linked };
}

/** The lines of a `### heading` subsection (up to the next heading). */
function subsection(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((line) => line.trim() === `### ${heading}`);
  if (start < 0) throw new Error(`no "### ${heading}" section`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#{1,3} /.test(line) || line.startsWith('[[Back to top]]'));
  return (end < 0 ? rest : rest.slice(0, end)).filter((line) => line.trim() !== '');
}

/** Data rows of the pipe table in `lines` (header and separator skipped). */
function tableRows(lines: readonly string[]): string[][] {
  const rows = lines.filter((line) => line.includes('|'));
  const separator = rows.findIndex((row) => /^\|?\s*-{3,}/.test(row.trim()));
  return rows.slice(separator + 1).map(tableCells);
}

function parseMethod(name: string, lines: readonly string[]): PageMethod {
  const signatureLine = lines.find((line) => line.startsWith('> '));
  if (signatureLine === undefined) throw new Error(`${name}: no signature line`);
  const parameters = tableRows(subsection(lines, 'Parameters')).map(([nameCell = '', typeCell = '', description = '', notes = '']) => {
    const type = boldText(typeCell);
    return { name: boldText(nameCell).text, type: type.text, linked: type.linked, description: unescapeMarkdown(description), notes: unescapeMarkdown(notes) };
  });
  const returnLine = subsection(lines, 'Return type')[0]?.trim() ?? '';
  const headers = subsection(lines, 'HTTP request headers');
  const header = (label: string): string | undefined => {
    const line = headers.find((l) => l.includes(`**${label}**:`));
    const value = unescapeMarkdown(line?.split(`**${label}**:`)[1]?.trim() ?? '');
    return value === '' || value === 'Not defined' ? undefined : value;
  };
  const responses = subsection(lines, 'HTTP response details')
    .filter((line) => /^\*\*[^*]+\*\*\s*\|/.test(line.trim()))
    .map((line) => {
      const [status = '', description = ''] = tableCells(line);
      return { status: boldText(status).text, description: unescapeMarkdown(description) };
    });
  return {
    name,
    signature: signatureLine.slice(2).trim().replace(/^`(.*)`$/, '$1'),
    signatures: lines
      .slice(0, Math.max(0, lines.findIndex((line) => line.startsWith('### '))))
      .filter((line) => /^> `.*`$/.test(line.trim()))
      .map((line) => line.trim().slice(2).replace(/^`(.*)`$/, '$1')),
    parameters,
    returnType: returnLine.startsWith('void') ? 'void' : boldText(returnLine).text,
    authorization: subsection(lines, 'Authorization').join(' ').trim(),
    contentType: header('Content-Type'),
    accept: header('Accept'),
    responses,
    exampleLanguages: [...lines.join('\n').matchAll(/^```(\w+)/gm)].map((m) => m[1]!),
  };
}

/** Parses a whole API page. */
export function parseApiPage(markdown: string): ApiPage {
  const lines = markdown.split(/\r?\n/);
  const title = (lines.find((line) => /^# [^*]/.test(line)) ?? '').slice(2).trim();
  const methodTable = lines
    .filter((line) => /^\[\*\*[^*]+\*\*\]\([^)]*\)\s*\|/.test(line))
    .map((line) => {
      const [link = '', request = '', description = ''] = tableCells(line);
      const httpRequest = /^\*\*(\w+)\*\*\s+(.+)$/.exec(request);
      if (!httpRequest) throw new Error(`unreadable HTTP request cell: ${request}`);
      return { name: boldText(link).text, httpMethod: httpRequest[1]!, path: unescapeMarkdown(httpRequest[2]!.trim()), description: unescapeMarkdown(description) };
    });
  const starts = lines.flatMap((line, index) => (/^# \*\*[^*]+\*\*\s*$/.test(line) ? [index] : []));
  const methods = starts.map((start, i) => {
    const name = unescapeMarkdown(/^# \*\*([^*]+)\*\*/.exec(lines[start]!)![1]!);
    return parseMethod(name, lines.slice(start + 1, starts[i + 1] ?? lines.length));
  });
  return { title, methodTable, methods };
}
