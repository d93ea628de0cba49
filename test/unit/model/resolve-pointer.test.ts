/**
 * `resolvePointer` and `deref` keep each `$ref` they resolved: a second use gets the same node
 * and pointer as a fresh resolution, and a `$ref` that fails fails again at every use.
 */
import fc from 'fast-check';
import type { BuildContext, SpecObject } from '../../../src/model/context.js';
import { deref, resolvePointer } from '../../../src/model/context.js';
import { decodePointerToken, pointerJoin } from '../../../src/shared/errors.js';
import { openApi3Context } from '../../helpers/build-context.js';

const document: SpecObject = {
  components: { responses: { 'Not Found': { description: 'nf' }, 'a/b': { description: 'slash' }, 'm~n': { description: 'tilde' } }, list: [{ x: 1 }] },
  link: { $ref: '#/components/responses/Not%20Found' },
};

const contextFor = (): BuildContext => openApi3Context(document);

/** The outcome of resolving, as comparable data (the error's message and pointer when it throws). */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { error: String(error), location: (error as { location?: unknown }).location };
  }
}

const refs = fc.constantFrom(
  '#', '#/components', '#/components/responses/Not%20Found', '#/components/responses/Not Found', '#/components/responses/a~1b',
  '#/components/responses/m~0n', '#/components/list/0/x', '#/components/missing', '#/components/responses/%E0%A4%A', 'other.yaml#/a', '#/link', '#x',
);

test('a kept resolution equals a fresh one, failures included', () => {
  fc.assert(
    fc.property(fc.array(refs, { minLength: 1, maxLength: 6 }), (list) => {
      const kept = contextFor();
      for (const ref of list) expect(outcome(() => resolvePointer(kept, ref))).toEqual(outcome(() => resolvePointer(contextFor(), ref)));
    }),
  );
});

test("deref's pointer is the $ref's, decoded as the document's keys spell it", () => {
  const context = contextFor();
  for (const ref of ['#/components/responses/Not%20Found', '#/components/responses/a~1b', '#/components/responses/m~0n', '#/link']) {
    for (let use = 0; use < 2; use++) {
      const result = deref(context, { $ref: ref });
      const last = ref === '#/link' ? '#/components/responses/Not%20Found' : ref;
      expect(result.pointer).toBe(pointerJoin('', ...last.slice(2).split('/').map(decodePointerToken)));
      expect(result.value).toBe(resolvePointer(contextFor(), last));
    }
  }
  expect(deref(context, { $ref: '#' })).toEqual({ value: document, pointer: '' });
});

test('a plain-name fragment is refused, not read as a pointer without its first character', () => {
  // `#xcomponents` once resolved to /components; loading refuses such a $ref before the model sees it.
  for (const ref of ['#x', '#xcomponents']) {
    expect(() => resolvePointer(contextFor(), ref)).toThrow(`unsupported $ref "${ref}": a fragment must be a JSON pointer`);
    expect(() => deref(contextFor(), { $ref: ref })).toThrow(`unsupported $ref "${ref}": a fragment must be a JSON pointer`);
  }
});
