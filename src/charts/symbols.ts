/** A check mark as an ECharts path symbol. */
export const CHECK_SYMBOL = 'path://M0,9L3.2,5.8L6.6,9.2L14.8,1L18,4.2L6.6,15.6Z';

/**
 * A disc with a check cut out of it (the check is wound the other way round, so it is a hole): the legend's "done".
 * Béziers rather than arcs, because legends stretch icons and zrender draws stretched arcs wrongly.
 */
export const DONE_DISC_SYMBOL =
  'path://M10,0C15.52,0,20,4.48,20,10C20,15.52,15.52,20,10,20C4.48,20,0,15.52,0,10C0,4.48,4.48,0,10,0Z' +
  'M8.6,14.6L15.8,7.4L13.6,5.2L8.6,10.2L6.4,8L4.2,10.2Z';
