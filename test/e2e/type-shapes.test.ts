/**
 * The type shapes of test/fixtures/specs/types-3.0.yaml work for a caller at compile time (tsc
 * --strict; every `@ts-expect-error` line must be an error): a discriminator without `mapping`
 * narrows by the implicit tag (the component name); an `allOf` child of a base with a
 * discriminator carries its tag; `allOf` interfaces with `extends` are
 * assignable to their parents and keep required properties; a request body is checked against
 * the `contentType` chosen for the call (overloads), while a body type shared by every media type
 * keeps one signature.
 */
import { compileCaller, fixtureSpec } from './generate-client.js';

const CALLER = `import { UploadsApi, type Animal, type Bike, type Car, type Kennel, type OwnedPet, type Pet, type Puppy, type Shape, type Stamped, type Vehicle } from './index.js';

export function describePet(pet: Pet): string {
  switch (pet.petType) {
    case 'Cat':
      return pet.name + String(pet.indoor);
    case 'Dog':
      return pet.name + String(pet.bark);
    default: {
      const none: never = pet;
      return none;
    }
  }
}

export function describeShape(shape: Shape): string {
  if (shape.kind === 'Circle') return String(shape.radius);
  if (shape.kind === 'square') return String(shape.side);
  return String(shape.kind);
}

// @ts-expect-error the implicit tag is the component name, not any string
export const wrongTag: Pet = { petType: 'cat', name: 'Tom' };

export const puppy: Puppy = { id: '1', name: 'Rex', age: 1 };
export const asAnimal: Animal = puppy;
export const kennel: Kennel = { ...puppy, size: 'small' };
export const asPuppy: Puppy = kennel;
export const stamped: Stamped = { id: '2', createdAt: '2024-01-01T00:00:00Z' };
// allOf children of a base with a discriminator carry their tag (mapping value, else component name).
export function gearsOf(vehicle: Bike | Car): number {
  return vehicle.vehicleType === 'bike' ? (vehicle.gears ?? 0) : 0;
}
export const bike: Bike = { vehicleType: 'bike', gears: 3 };
export const vehicle: Vehicle = bike;
// Extending a discriminated oneOf adds no tag of its own: an OwnedPet is still a Cat or a Dog.
export const owned: OwnedPet = { petType: 'Cat', name: 'Tom', owner: 'me' };
// @ts-expect-error a Car's tag is 'Car'
export const notACar: Car = { vehicleType: 'bike' };

// @ts-expect-error Puppy requires name (optional in Animal)
export const nameless: Puppy = { id: '1', age: 1 };

export async function upload(api: UploadsApi, animal: Animal, file: Blob): Promise<void> {
  await api.upload(animal);
  await api.upload(animal, { dryRun: true }, { contentType: 'application/vnd.animal+json' });
  await api.upload(file, undefined, { contentType: 'application/octet-stream' });
  await api.uploadRaw(file, {}, { contentType: 'application/octet-stream' });
  // @ts-expect-error a Blob is not sent as JSON
  await api.upload(file);
  // @ts-expect-error an Animal is not sent as octet-stream
  await api.upload(animal, undefined, { contentType: 'application/octet-stream' });
  // @ts-expect-error the octet-stream overload needs its contentType
  await api.uploadRaw(file, {});
  // One body type for JSON and the form: one signature, the media type chosen per call.
  await api.replaceUpload(animal, { contentType: 'application/x-www-form-urlencoded' });
}
`;

describe('type shapes (types-3.0.yaml)', () => {
  it('implicit discriminator tags, extends interfaces and per-content-type bodies type-check for a caller', async () => {
    expect(await compileCaller(fixtureSpec('types-3.0.yaml'), CALLER)).toBe('');
  }, 120_000);
});
