/** The availability board (pure): who is busy when and why, the free stretches, and the table they are drawn in. */
export { buildBoard, freeWithin, BOARD_HOURS, BOARD_LIMITS, MIN_FREE_MINUTES, type BoardDay, type BoardItem, type BoardItemKind, type BoardRequest, type BoardRow, type FreeStretch } from './model';
export { layoutTable, BOARD_STEP_MINUTES, type Table, type TableCell, type TableColumn, type TableRow } from './layout';
