import type * as ir from '../../../src/model/ir.js';
import { enumMembers } from '../../../src/names/enum-members.js';

type Enum = Extract<ir.Schema, { kind: 'enum' }>;

const cases: [string, { given: Enum; want: [string, string | number | boolean][] }][] = [
  ['PascalCased string values', { given: { kind: 'enum', values: ['in_progress', 'dark-green', 'blue sky'] }, want: [['InProgress', 'in_progress'], ['DarkGreen', 'dark-green'], ['BlueSky', 'blue sky']] }],
  ['x-enum-varnames as written', { given: { kind: 'enum', values: [1, 2], varNames: ['LOW', 'HIGH'] }, want: [['LOW', 1], ['HIGH', 2]] }],
  ['invalid varnames are sanitised', { given: { kind: 'enum', values: [1], varNames: ['very low'] }, want: [['VeryLow', 1]] }],
  ['numbers, negatives, booleans; null has no key', { given: { kind: 'enum', values: [1, -1, true, null] }, want: [['Value1', 1], ['Minus1', -1], ['True', true]] }],
  ['collisions and Object.prototype members get a suffix', { given: { kind: 'enum', values: ['a-b', 'a_b', 'constructor'] }, want: [['AB', 'a-b'], ['AB_', 'a_b'], ['Constructor', 'constructor']] }],
  ['no letters at all', { given: { kind: 'enum', values: ['', '%'] }, want: [['Value', ''], ['Value_', '%']] }],
];

describe('enumMembers: keys of an enum const object', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(enumMembers(given).map((m) => [m.name, m.value])).toEqual(want);
  });
});
