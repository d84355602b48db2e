import { withDurableExecution } from "../runtime/index.js";

export interface Image {
  name: string;
  width: number;
}

/**
 * Makes a thumbnail of every image with `ctx.map`: each item runs in its own child context
 * (named after the image), at most two at a time; the map's result lists every item.
 */
export const imageThumbnails = withDurableExecution(async (batch: { images: Image[] }, ctx) => {
  const thumbnails = await ctx.map(
    "make-thumbnails",
    batch.images,
    async (child, image) => {
      const scale = await child.step("measure", async () => Math.min(1, 200 / image.width));
      return child.step("resize", async () => ({ name: `thumb-${image.name}`, width: Math.round(image.width * scale) }));
    },
    { maxConcurrency: 2, itemNamer: (image) => image.name },
  );
  thumbnails.throwIfError();
  return { count: thumbnails.successCount, thumbnails: thumbnails.getResults() };
});
