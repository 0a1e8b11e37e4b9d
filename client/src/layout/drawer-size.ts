/**
 * The console drawer's height: kept as a share of the work area (so it suits any window), turned
 * into pixels that leave the canvas a usable strip. Pure.
 */
export const DRAWER_DEFAULT = 0.4;
/** The drawer is never lower than this (its bar, editor and a few result rows). */
export const DRAWER_MIN_PX = 180;
/** Unless maximised, the canvas keeps at least this much above the drawer. */
export const CANVAS_MIN_PX = 140;

/** The drawer's height in pixels for a share of a work area `work` pixels high. */
export function drawerPixels(share: number, work: number): number {
  const wanted = Math.round((Number.isFinite(share) ? share : DRAWER_DEFAULT) * work);
  return Math.max(Math.min(DRAWER_MIN_PX, work), Math.min(wanted, work - CANVAS_MIN_PX));
}

/** The share to remember for a height the user dragged or keyed to. */
export function drawerShare(pixels: number, work: number): number {
  if (work <= 0) return DRAWER_DEFAULT;
  return drawerPixels(pixels / work, work) / work;
}

/** A stored share, or the default when it is missing or not a sensible share. */
export function readShare(stored: string | null): number {
  const share = Number(stored);
  return stored !== null && Number.isFinite(share) && share > 0 && share < 1 ? share : DRAWER_DEFAULT;
}
