/**
 * The object itself, made an instance of its GraphQL type class (its prototype only: every property,
 * a lazy one included, stays as it is). type-graphql copies a root that is not an instance of the type
 * into a new one before each of the type's field resolvers (Object.assign: every property read, the
 * lazily opened ID number and phone too); a 500-statistician page with its posts made ~1,600 such
 * copies per answer. The classes hold no methods, so nothing else about the object changes.
 */
export function asType<T extends object>(type: abstract new () => unknown, value: T): T {
  if (!(value instanceof type)) Object.setPrototypeOf(value, type.prototype);
  return value;
}

export const asTypes = <T extends object>(type: abstract new () => unknown, values: T[]): T[] => {
  for (const value of values) asType(type, value);
  return values;
};
