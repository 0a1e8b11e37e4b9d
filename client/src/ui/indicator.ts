/**
 * Loading indicators for work that is usually quick appear only once it has taken this long: a quick
 * answer would make them flicker, and drawing them costs the browser a frame while the answer is on
 * its way (on a slow machine, time taken from the request itself).
 */
export const INDICATOR_DELAY_MS = 150;
