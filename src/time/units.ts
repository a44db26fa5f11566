/** Milliseconds in one hour. */
export const MS_PER_HOUR = 60 * 60 * 1000;
/** Milliseconds in one wall-clock day (24 hours). */
export const MS_PER_DAY = 24 * MS_PER_HOUR;
