/** displayPointer: how JSON pointers are printed (a depth-limit error's pointer is 128 segments long). */
import { displayPointer, UserError } from '../../src/shared/errors.js';

const deep = (count: number) => Array.from({ length: count }, (_, index) => `/s${index}`).join('');

describe('displayPointer', () => {
  it('prints the root as / and ordinary pointers unchanged', () => {
    expect(displayPointer('')).toBe('/');
    expect(displayPointer('/paths/~1users~1{id}/get/responses/200/content/application~1json/schema')).toBe('/paths/~1users~1{id}/get/responses/200/content/application~1json/schema');
    // 12 segments: eliding two would save less than the marker costs.
    expect(displayPointer(deep(12))).toBe(deep(12));
  });

  it('keeps the first 6 and the last 4 segments of a deep pointer and says how many it left out', () => {
    expect(displayPointer(deep(13))).toBe('/s0/s1/s2/s3/s4/s5/…/s9/s10/s11/s12 (3 of 13 segments elided)');
    expect(displayPointer(deep(128))).toBe('/s0/s1/s2/s3/s4/s5/…/s124/s125/s126/s127 (118 of 128 segments elided)');
  });

  it('UserError.format prints the shortened pointer; the error keeps the full one', () => {
    const error = new UserError('too deep', { file: 'spec.json', pointer: deep(128) });
    expect(error.format()).toBe('spec.json at /s0/s1/s2/s3/s4/s5/…/s124/s125/s126/s127 (118 of 128 segments elided): too deep');
    expect(error.location.pointer).toBe(deep(128));
  });
});
