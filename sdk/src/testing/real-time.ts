import type { Engine } from "../engine/index.js";
import type { TimeDriver } from "./time-driver.js";

/**
 * Time as it passes: the engine runs on a real clock, so a wait of ten seconds takes ten, and
 * a callback answer is applied the moment it is sent, as Lambda would.
 *
 * @example await new RealTime(engine).runUntilEnded(arn)
 */
export class RealTime implements TimeDriver {
  constructor(private readonly engine: Engine) {}

  async input<T>(apply: () => T): Promise<T> {
    return apply();
  }

  async runUntilEnded(arn: string): Promise<void> {
    await this.engine.waitForCompletion(arn);
    await this.engine.idle();
  }
}
