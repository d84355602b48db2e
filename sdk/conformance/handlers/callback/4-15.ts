// 4-15: a callback whose deserializer turns the JSON payload into an object with a Date.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

interface Received {
  id: string;
  message: string;
  timestamp: Date;
}

const receivedSerdes = {
  deserialize: async (data: string | undefined): Promise<Received | undefined> => {
    if (data === undefined) return undefined;
    const raw = JSON.parse(data) as { id: string; message: string; timestamp: string };
    return { id: raw.id, message: raw.message, timestamp: new Date(raw.timestamp) };
  },
};

export const handler = withDurableExecution(async (name: string, context) => {
  const [result] = await context.createCallback<Received>(name, { serdes: receivedSerdes });
  const received = (await result)!;
  return { received: { id: received.id, message: received.message, timestamp: received.timestamp.getTime() / 1000 } };
});
