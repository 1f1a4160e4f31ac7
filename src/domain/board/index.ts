/** The availability board (pure): who is busy when and why, the free stretches, and the table they are drawn in. */
export { buildBoard, freeWithin, BOARD_LIMITS, MIN_FREE_MINUTES, type BoardDay, type BoardItem, type BoardItemKind, type FreeStretch } from './model';
export { layoutTable } from './layout';
