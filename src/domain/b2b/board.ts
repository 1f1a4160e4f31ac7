/**
 * The scheduler's working state: which request sits in which slot, as dense
 * typed arrays indexed by position (participant 0..P-1, slot 0..S-1, request
 * 0..R-1). The search moves requests thousands of times per second, so every
 * check it needs ("is u free in slot s", "who meets u in slot s") is one array read.
 *
 * Every change is journalled so that a speculative repair can be undone exactly.
 */
export const NONE = -1;

export interface BoardShape {
  slotCount: number;
  tableCount: number;
  participantCount: number;
  from: Int32Array;
  to: Int32Array;
  priority: Float64Array;
  /** busy[p * slotCount + s] = 1 when participant p cannot meet in slot s. */
  busy: Uint8Array;
}

export class Board {
  readonly S: number;
  readonly T: number;
  readonly P: number;
  readonly R: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly priority: Float64Array;
  readonly busy: Uint8Array;
  /** at[p * S + s] = the request p meets in slot s, or NONE. */
  readonly at: Int32Array;
  readonly load: Int32Array;
  readonly slotOf: Int32Array;
  /** Pinned requests: never moved or ejected by the search. */
  readonly fixed: Uint8Array;
  /** members[s * T + k], k < load[s]: the requests in slot s, for capacity ejection. */
  readonly members: Int32Array;
  private readonly memberPos: Int32Array;
  placed = 0;
  private journal: number[] = [];

  constructor(shape: BoardShape) {
    this.S = shape.slotCount;
    this.T = shape.tableCount;
    this.P = shape.participantCount;
    this.R = shape.from.length;
    this.from = shape.from;
    this.to = shape.to;
    this.priority = shape.priority;
    this.busy = shape.busy;
    this.at = new Int32Array(this.P * this.S).fill(NONE);
    this.load = new Int32Array(this.S);
    this.slotOf = new Int32Array(this.R).fill(NONE);
    this.fixed = new Uint8Array(this.R);
    this.members = new Int32Array(this.S * this.T);
    this.memberPos = new Int32Array(this.R).fill(NONE);
  }

  clone(): Board {
    const copy = new Board({
      slotCount: this.S,
      tableCount: this.T,
      participantCount: this.P,
      from: this.from,
      to: this.to,
      priority: this.priority,
      busy: this.busy,
    });
    copy.at.set(this.at);
    copy.load.set(this.load);
    copy.slotOf.set(this.slotOf);
    copy.fixed.set(this.fixed);
    copy.members.set(this.members);
    copy.memberPos.set(this.memberPos);
    copy.placed = this.placed;
    return copy;
  }

  /** Neither side is busy in slot s (ignores other B2B meetings and tables). */
  usable(r: number, s: number): boolean {
    return this.busy[this.from[r]! * this.S + s] === 0 && this.busy[this.to[r]! * this.S + s] === 0;
  }

  /** Request r could be put into slot s right now without moving anything. */
  fits(r: number, s: number): boolean {
    const u = this.from[r]!;
    const v = this.to[r]!;
    return (
      this.load[s]! < this.T &&
      this.busy[u * this.S + s] === 0 &&
      this.busy[v * this.S + s] === 0 &&
      this.at[u * this.S + s] === NONE &&
      this.at[v * this.S + s] === NONE
    );
  }

  meetingOf(p: number, s: number): number {
    return this.at[p * this.S + s]!;
  }

  isBusy(p: number, s: number): boolean {
    return this.busy[p * this.S + s] === 1;
  }

  other(r: number, p: number): number {
    return this.from[r] === p ? this.to[r]! : this.from[r]!;
  }

  /** Caller guarantees the slot is legal; the board only keeps its indexes consistent. */
  place(r: number, s: number): void {
    this.journal.push(r, NONE);
    this.put(r, s);
  }

  unplace(r: number): void {
    this.journal.push(r, this.slotOf[r]!);
    this.take(r);
  }

  mark(): number {
    return this.journal.length;
  }

  /** Undo every change made since `mark`, newest first. */
  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const previous = this.journal.pop()!;
      const r = this.journal.pop()!;
      if (this.slotOf[r] !== NONE) this.take(r);
      if (previous !== NONE) this.put(r, previous);
    }
  }

  /** Forget the undo history once a repair is accepted, so it does not grow without bound. */
  commit(): void {
    this.journal.length = 0;
  }

  /**
   * Free slots inside p's day that p spends waiting: between the first and the
   * last meeting, neither meeting nor busy elsewhere. A slot taken by a
   * bilateral is not idle time, so it does not count.
   */
  idle(p: number): number {
    const base = p * this.S;
    let first = NONE;
    let last = NONE;
    let meetings = 0;
    let busyInside = 0;
    for (let s = 0; s < this.S; s++) {
      if (this.at[base + s] !== NONE) {
        if (first === NONE) first = s;
        last = s;
        meetings++;
      }
    }
    if (first === NONE) return 0;
    for (let s = first; s <= last; s++) busyInside += this.busy[base + s]!;
    return last - first + 1 - meetings - busyInside;
  }

  private put(r: number, s: number): void {
    this.at[this.from[r]! * this.S + s] = r;
    this.at[this.to[r]! * this.S + s] = r;
    const k = this.load[s]!;
    this.members[s * this.T + k] = r;
    this.memberPos[r] = k;
    this.load[s] = k + 1;
    this.slotOf[r] = s;
    this.placed++;
  }

  private take(r: number): void {
    const s = this.slotOf[r]!;
    this.at[this.from[r]! * this.S + s] = NONE;
    this.at[this.to[r]! * this.S + s] = NONE;
    // Swap-remove keeps the member list dense; order inside a slot carries no meaning.
    const k = this.memberPos[r]!;
    const last = this.load[s]! - 1;
    const moved = this.members[s * this.T + last]!;
    this.members[s * this.T + k] = moved;
    this.memberPos[moved] = k;
    this.memberPos[r] = NONE;
    this.load[s] = last;
    this.slotOf[r] = NONE;
    this.placed--;
  }
}
