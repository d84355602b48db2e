/** Where a value is being (de)serialized: the unhashed step path and the execution. */
export interface SerdesContext {
  entityId: string;
  durableExecutionArn: string;
}

/** Turns operation results into checkpoint payloads and back. */
export interface Serdes<T> {
  serialize(value: T | undefined, context: SerdesContext): Promise<string | undefined>;
  deserialize(data: string | undefined, context: SerdesContext): Promise<T | undefined>;
}

/**
 * JSON, with `undefined` meaning "no payload" in both directions.
 *
 * @example await defaultSerdes.serialize({ a: 1 }, ctx) // '{"a":1}'
 */
export const defaultSerdes: Serdes<any> = {
  serialize: async (value) => (value === undefined ? undefined : JSON.stringify(value)),
  deserialize: async (data) => (data === undefined ? undefined : JSON.parse(data)),
};
