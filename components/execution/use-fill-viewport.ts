"use client";
import { useLayoutEffect, useRef, useState } from "react";

/**
 * The height that takes an element from where it starts on the page to the bottom of the window
 * (less `gap`), never below `min`: what the execution page gives its views so they fill the screen
 * without the page scrolling. Measured again when the window or anything above it changes size.
 *
 * @example const [ref, height] = useFillViewport<HTMLDivElement>({ min: 480, gap: 16 });
 */
export function useFillViewport<T extends HTMLElement>({ min, gap }: { min: number; gap: number }) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      // From the document's top, so a scrolled page measures the same.
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    measure();
    window.addEventListener("resize", measure);
    // Banners and headers above change the start; our own height changes the body too, but
    // gives the same answer, so this settles at once.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => {
      window.removeEventListener("resize", measure);
      observer.disconnect();
    };
  }, [min, gap]);
  return [ref, height] as const;
}
