/**
 * The scheduler's working state: which request sits in which slot, as dense
 * typed arrays indexed by position (participant 0..P-1, slot 0..S-1, request
 * 0..R-1). The search moves requests thousands of times per second, so every
 * check it needs ("has u a free seat in slot s", "who meets u in slot s") is
 * one or two array reads.
 *
 * A participant has a capacity per slot: how many of its seats are free then
 * (0 when the company is busy; 1 for a company without seats). Which seat
 * takes which meeting is decided at the end (seats.ts), since free seats of
 * one slot are interchangeable.
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
  /** capacity[p * slotCount + s] = how many meetings p may hold in slot s (0 = busy). */
  capacity: Uint16Array;
}

export class Board {
  readonly S: number;
  readonly T: number;
  readonly P: number;
  readonly R: number;
  /** The largest capacity of any participant in any slot: the width of a bucket of `at`. */
  readonly K: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly priority: Float64Array;
  readonly capacity: Uint16Array;
  /** count[p * S + s] = how many meetings p holds in slot s. */
  readonly count: Uint16Array;
  /** at[(p * S + s) * K + k], k < count: the requests p meets in slot s. */
  readonly at: Int32Array;
  /** Where r sits in its from-side's and to-side's bucket, for swap-removal. */
  private readonly posFrom: Int32Array;
  private readonly posTo: Int32Array;
  readonly load: Int32Array;
  readonly slotOf: Int32Array;
  /** Pinned requests (and kept published ones): never moved or ejected by the search. */
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
    this.capacity = shape.capacity;
    let widest = 1;
    for (let i = 0; i < this.capacity.length; i++) if (this.capacity[i]! > widest) widest = this.capacity[i]!;
    this.K = widest;
    this.count = new Uint16Array(this.P * this.S);
    this.at = new Int32Array(this.P * this.S * this.K).fill(NONE);
    this.posFrom = new Int32Array(this.R).fill(NONE);
    this.posTo = new Int32Array(this.R).fill(NONE);
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
      capacity: this.capacity,
    });
    copy.copyFrom(this);
    return copy;
  }

  /** Makes this board hold exactly what `other` (of the same problem) holds; the journal is cleared. */
  copyFrom(other: Board): void {
    this.count.set(other.count);
    this.at.set(other.at);
    this.posFrom.set(other.posFrom);
    this.posTo.set(other.posTo);
    this.load.set(other.load);
    this.slotOf.set(other.slotOf);
    this.fixed.set(other.fixed);
    this.members.set(other.members);
    this.memberPos.set(other.memberPos);
    this.placed = other.placed;
    this.journal.length = 0;
  }

  /** Neither side is busy in slot s (ignores other B2B meetings and tables). */
  usable(r: number, s: number): boolean {
    return this.capacity[this.from[r]! * this.S + s]! > 0 && this.capacity[this.to[r]! * this.S + s]! > 0;
  }

  /** p has a free seat in slot s. */
  hasRoom(p: number, s: number): boolean {
    const i = p * this.S + s;
    return this.count[i]! < this.capacity[i]!;
  }

  /** Request r could be put into slot s right now without moving anything. */
  fits(r: number, s: number): boolean {
    return this.load[s]! < this.T && this.hasRoom(this.from[r]!, s) && this.hasRoom(this.to[r]!, s);
  }

  /** One of the meetings p holds in slot s (the only one for a single seat), or NONE. */
  meetingOf(p: number, s: number): number {
    const i = p * this.S + s;
    return this.count[i]! > 0 ? this.at[i * this.K]! : NONE;
  }

  /** How many meetings p holds in slot s. */
  meetingsIn(p: number, s: number): number {
    return this.count[p * this.S + s]!;
  }

  /** The k-th meeting p holds in slot s, k < meetingsIn(p, s). */
  meetingAt(p: number, s: number, k: number): number {
    return this.at[(p * this.S + s) * this.K + k]!;
  }

  isBusy(p: number, s: number): boolean {
    return this.capacity[p * this.S + s] === 0;
  }

  capacityOf(p: number, s: number): number {
    return this.capacity[p * this.S + s]!;
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
    let meetingSlots = 0;
    let busyInside = 0;
    for (let s = 0; s < this.S; s++) {
      if (this.count[base + s]! > 0) {
        if (first === NONE) first = s;
        last = s;
        meetingSlots++;
      }
    }
    if (first === NONE) return 0;
    for (let s = first; s <= last; s++) if (this.capacity[base + s] === 0) busyInside++;
    return last - first + 1 - meetingSlots - busyInside;
  }

  private put(r: number, s: number): void {
    const { S, K } = this;
    const u = this.from[r]! * S + s;
    const v = this.to[r]! * S + s;
    const ku = this.count[u]!;
    this.at[u * K + ku] = r;
    this.posFrom[r] = ku;
    this.count[u] = ku + 1;
    const kv = this.count[v]!;
    this.at[v * K + kv] = r;
    this.posTo[r] = kv;
    this.count[v] = kv + 1;
    const k = this.load[s]!;
    this.members[s * this.T + k] = r;
    this.memberPos[r] = k;
    this.load[s] = k + 1;
    this.slotOf[r] = s;
    this.placed++;
  }

  private take(r: number): void {
    const s = this.slotOf[r]!;
    const { S, K } = this;
    this.removeFromBucket(this.from[r]! * S + s, this.posFrom[r]!, K);
    this.removeFromBucket(this.to[r]! * S + s, this.posTo[r]!, K);
    this.posFrom[r] = NONE;
    this.posTo[r] = NONE;
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

  private removeFromBucket(cell: number, k: number, K: number): void {
    const last = this.count[cell]! - 1;
    const moved = this.at[cell * K + last]!;
    this.at[cell * K + k] = moved;
    // The moved request's position on this side: whichever of its two sides this cell is.
    if (this.from[moved]! * this.S === cell - (cell % this.S)) this.posFrom[moved] = k;
    else this.posTo[moved] = k;
    this.at[cell * K + last] = NONE;
    this.count[cell] = last;
  }
}
