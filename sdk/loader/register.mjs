// Lets plain Node run the runner, the sdk sources and the handlers as TypeScript, the way
// vitest does, so the conformance suite needs no build. `node --import <this> file.ts`.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
