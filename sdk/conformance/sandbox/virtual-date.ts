/**
 * The sandbox's wall clock follows the engine's virtual clock, so timestamps the runtime makes
 * itself (log lines, plugin infos) agree with the ones the engine writes, as a Lambda
 * function's clock agrees with the service's. Each invocation starts at the engine's time,
 * real time passes while it runs, and the clock never goes back.
 */
export function installVirtualDate(): (virtualNowMs: number) => void {
  const RealDate = Date;
  const realNow = () => RealDate.now();
  let offset: number | undefined;
  const now = () => realNow() + (offset ?? 0);

  // A function, not a subclass: dates made anywhere (structured clone included) keep
  // Date.prototype, so `instanceof Date` stays true for all of them.
  function VirtualDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = now;
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  globalThis.Date = VirtualDate as unknown as DateConstructor;

  return (virtualNowMs) => {
    const next = virtualNowMs - realNow();
    offset = offset === undefined ? next : Math.max(offset, next);
  };
}
