/** Markdown reading shared by the tests: fenced code blocks and pipe tables. */

/** The bodies of every fenced block of the given language (```typescript …```), in order. */
export function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    if (match[1] === language) blocks.push(match[2]!);
  }
  return blocks;
}
