/** Whether an instant (ISO-8601) has passed, by this browser's clock. */
export const isPast = (iso: string): boolean => Date.parse(iso) <= Date.now();
