/**
 * An API page holds both its methods (`<a id="listpetsstatus">`) and the schemas written inline in
 * its operations, and links reach both by their lowercased names: a hoisted type never takes a
 * method's name, so no two anchors of a page are the same.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate, type GenerateResult } from '../../../src/pipeline.js';
import { removeDir, tempDir } from '../../hostile/support.js';

const SPEC = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      parameters:
        - {name: status, in: query, schema: {type: string, enum: [available, sold]}}
      responses: {"204": {description: ok}}
  /pets/status:
    get:
      operationId: listPetsStatus
      tags: [pets]
      responses: {"204": {description: ok}}
`;

let work: string;
let result: GenerateResult;

beforeAll(async () => {
  work = await tempDir();
  await writeFile(path.join(work, 'spec.yaml'), SPEC);
  result = await generate({ input: path.join(work, 'spec.yaml') });
});
afterAll(() => removeDir(work));

it('names the parameter enum of listPets around the method listPetsStatus', () => {
  expect(result.model.schemas.map((schema) => schema.typeName)).toEqual(['ListPetsStatus2']);
  expect(result.model.apis[0]!.operations.map((operation) => operation.methodName)).toEqual(['listPets', 'listPetsStatus']);
});

it('gives every anchor of the API page once, and the links land on the type', () => {
  const page = result.files.get('docs/PetsApi.md')!;
  const anchors = [...page.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);
  expect(anchors).toEqual(['listpets', 'listpetsstatus', 'listpetsstatus2']);
  expect(page).toContain('[**ListPetsStatus2**](PetsApi.md#listpetsstatus2)');
  expect(page).toContain('<a id="listpetsstatus2"></a>\n## ListPetsStatus2\n');
});
