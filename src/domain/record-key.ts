/** A record's number within its program from its key (M-12 → 12): keys are given out in order, so it orders records as they were created. */
export const keyNumber = (key: string): number => Number(key.replace(/^\D+-/, '')) || 0;
