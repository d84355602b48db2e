"use client";
import { createContext } from "react";

/**
 * What graph nodes need from the page without carrying it in their data (changing node data
 * re-renders React Flow's node, and functions in it would change on every render).
 */
export interface GraphContextValue {
  /** Opens a closed group or closes an open one. */
  toggleGroup: (id: string) => void;
  /** Draws another page of a level's members (group id, or undefined for the top level). */
  showMore: (groupId: string | undefined) => void;
  /** Selects an operation for the inspector (a fan-out's items are not nodes, so they select through this). */
  select?: (id: string) => void;
  /** Operations matching the search (and the groups holding them); undefined when not searching. */
  matches?: ReadonlySet<string>;
  /** Operations to mark with a note, e.g. where replayed code diverged from its history. */
  pinned?: ReadonlyMap<string, string>;
}

export const GraphContext = createContext<GraphContextValue>({ toggleGroup: () => undefined, showMore: () => undefined });
