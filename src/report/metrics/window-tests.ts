/** Window membership tests as of the window's end. */
export interface WindowTests {
  /** The window's end, ISO. */
  end: string;
  /** True for an instant in `[start, end)`; false for null. */
  inWindow(iso: string | null): boolean;
  /** True for an instant before `end`; false for null. */
  beforeEnd(iso: string | null): boolean;
}
