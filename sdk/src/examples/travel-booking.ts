import { withDurableExecution } from "../runtime/index.js";

/**
 * Books a flight, a hotel and a car at once with `ctx.parallel` (three named branches, each a
 * child context), then sends one itinerary with every confirmation.
 */
export const travelBooking = withDurableExecution(async (trip: { tripId: string; city: string; nights: number }, ctx) => {
  const bookings = await ctx.parallel("book-trip", [
    { name: "flight", func: (b) => b.step("book-flight", async () => `FL-${trip.tripId}`) },
    { name: "hotel", func: (b) => b.step("book-hotel", async () => `HT-${trip.city.slice(0, 3).toUpperCase()}-${trip.nights}`) },
    { name: "car", func: (b) => b.step("book-car", async () => `CR-${trip.tripId}`) },
  ]);
  bookings.throwIfError();
  const [flight, hotel, car] = bookings.getResults();
  return ctx.step("send-itinerary", async () => ({ tripId: trip.tripId, flight, hotel, car }));
});
