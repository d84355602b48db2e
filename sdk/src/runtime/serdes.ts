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

/** A serdes of any value type, as `configureSerdes` takes. */
export type AnySerdes = Serdes<any>;
export type AnySerdesDeserializer = Omit<Serdes<any>, "serialize">;

/** `context.configureSerdes` input. */
export interface SerdesConfig {
  /** Used by step, child context, invoke and waitForCondition when a call gives none. */
  defaultSerdes?: AnySerdes;
  /** Reads callback results (by default they are the raw string the external system sent). */
  defaultCallbackDeserializer?: AnySerdesDeserializer;
}

/** Strings in, strings out: how callback results arrive unless told otherwise. */
export const passThroughSerdes: Serdes<string> = {
  serialize: async (value) => value,
  deserialize: async (data) => data,
};

/**
 * JSON that comes back as an instance of `cls` (built with no arguments, then assigned).
 *
 * @example const serdes = createClassSerdes(Order); // (await serdes.deserialize(data, ctx)) instanceof Order
 */
export function createClassSerdes<T extends object>(cls: new () => T): Serdes<T> {
  return {
    serialize: defaultSerdes.serialize,
    deserialize: async (data) => (data === undefined ? undefined : Object.assign(new cls(), JSON.parse(data))),
  };
}

/**
 * Like {@link createClassSerdes}, and revives the listed properties (dot paths) as Dates.
 *
 * @example createClassSerdesWithDates(Article, ["createdAt", "metadata.updatedAt"])
 */
export function createClassSerdesWithDates<T extends object>(cls: new () => T, dateProps: string[]): Serdes<T> {
  const classSerdes = createClassSerdes(cls);
  return {
    serialize: classSerdes.serialize,
    deserialize: async (data, context) => {
      const instance = await classSerdes.deserialize(data, context);
      if (instance === undefined) return undefined;
      for (const path of dateProps) {
        const keys = path.split(".");
        const last = keys.pop()!;
        let holder: any = instance;
        for (const key of keys) holder = holder && typeof holder[key] === "object" ? holder[key] : undefined;
        if (holder && holder[last]) holder[last] = new Date(holder[last]);
      }
      return instance;
    },
  };
}
