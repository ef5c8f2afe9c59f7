/** What every view gets: where to draw, the route's parameters, and shell hooks. */
export interface ViewContext {
  main: HTMLElement;
  /** Decoded path segments after the view name (`#/dyad/CHN/USA` → ['CHN', 'USA']). */
  params: string[];
  /** False once the user has navigated elsewhere: stop drawing. */
  isCurrent(): boolean;
  /** Re-read the header totals (after an ingest). */
  refreshTotals(): Promise<void>;
  setTitle(title: string): void;
}

export type View = (ctx: ViewContext) => Promise<void>;
