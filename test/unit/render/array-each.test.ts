/**
 * The docs' `{{#each}}` (array-each.ts) takes its own loop for plain arrays: every template must
 * render exactly what Handlebars' built-in renders, for any array (holes and empty ones included)
 * and around any block: `@index`/`@key`/`@first`/`@last`, `{{else}}`, `../` and `@../index`,
 * block params declared by this block (handed to the built-in) or by an enclosing one, inline
 * partials.
 */
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { arrayEach } from '../../../src/render/docs/array-each.js';

const templates = [
  '{{#each items}}{{@index}}:{{@key}}:{{@first}}:{{@last}}:{{this}};{{else}}empty{{/each}}',
  '{{#each items}}[{{#each ../items}}{{@../index}}-{{@index}}{{#if @last}}!{{/if}}{{/each}}]{{/each}}',
  '{{#each items as |item i|}}{{i}}={{item}},{{/each}}',
  '{{#each outer as |o|}}{{#each ../items}}<{{o}}{{this}}>{{#if true}}{{o}}{{/if}}{{/each}}{{/each}}',
  '{{#each items}}{{@root.title}}{{#each @root.outer}}{{this}}{{@index}}{{/each}}{{/each}}',
  '{{#each object}}{{@key}}={{this}}{{@last}};{{/each}}{{#each missing}}x{{else}}none{{/each}}',
  // An inline partial is a decorator of the block's program.
  '{{#each items}}{{#*inline "item"}}[{{this}}@{{@index}}]{{/inline}}{{> item}}{{/each}}',
];

/** An environment with the built-in `each`, or with the docs' one. */
function environment(docs: boolean): typeof Handlebars {
  const hb = Handlebars.create();
  if (docs) hb.registerHelper('each', arrayEach(hb.helpers['each']!));
  return hb;
}

const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 9 }), fc.constant(null), fc.boolean());
// Plain objects, as the docs' context is (Handlebars cannot compare a null-prototype context with `!=`).
const context = fc
  .record({
    items: fc.sparseArray(value, { maxLength: 6 }),
    outer: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), value, { maxKeys: 3 }),
    title: fc.string({ maxLength: 4 }),
  })
  .map((record) => ({ ...record, object: { ...record.object } }));

/** The text a template renders, or the message of the error it throws. */
function outcome(template: HandlebarsTemplateDelegate, data: object): string {
  try {
    return template(data);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('arrayEach', () => {
  for (const strict of [false, true]) {
    it(`renders what the built-in renders (strict: ${strict})`, () => {
      const builtin = environment(false);
      const docs = environment(true);
      const pairs = templates.map((text) => {
        // strict mode rejects `missing`: that template runs non-strict only.
        const compile = (hb: typeof Handlebars) => hb.compile(strict ? text.replace(/\{\{#each missing\}\}.*$/, '') : text, { strict });
        return [compile(builtin), compile(docs)] as const;
      });
      fc.assert(
        fc.property(context, (data) => {
          for (const [expected, actual] of pairs) expect(outcome(actual, data)).toBe(outcome(expected, data));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('hands anything but a plain block over an array to the built-in (its results and its errors)', () => {
    const builtin = environment(false);
    const docs = environment(true);
    const cases: [string, object][] = [
      ['{{#each map}}{{@key}}{{this}}{{/each}}', { map: new Map([['a', 1]]) }],
      ['{{#each set}}{{@index}}{{this}}{{@last}}{{/each}}', { set: new Set([1, 2]) }],
      ['{{#each fn}}{{this}}{{/each}}', { fn: () => [1, 2] }],
      ['{{#each}}x{{/each}}', {}],
      ['{{each items}}', { items: [1] }],
    ];
    for (const [text, data] of cases) {
      expect(outcome(docs.compile(text), data)).toBe(outcome(builtin.compile(text), data));
    }
  });
});
