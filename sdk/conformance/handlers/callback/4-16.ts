// 4-16: a callback whose deserializer reads the payload as a number.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

const numberSerdes = {
  deserialize: async (data: string | undefined): Promise<number | undefined> => (data === undefined ? undefined : Number(JSON.parse(data))),
};

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback<number>(name, { serdes: numberSerdes });
  const count = (await result)!;
  return { count, doubled: count * 2 };
});
