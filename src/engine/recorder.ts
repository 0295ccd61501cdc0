/**
 * Run recorder: per-tick series of named metrics in growable Float64Arrays, and an append-only
 * event table (tick, kind, cell, actor, target, value) kept in columns. Everything serialises to
 * plain JSON whose bytes depend only on what was recorded.
 */
import { grow } from "./typed.js";

/** A growable column of numbers. */
export class Series {
  private data = new Float64Array(64);
  /** Values recorded. */
  length = 0;

  /** Append a value. */
  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, this.data.length * 2);
    this.data[this.length++] = v;
  }

  /** The recorded values (a view, valid until the next push). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** The last value, or NaN when empty. */
  last(): number {
    return this.length > 0 ? this.data[this.length - 1]! : Number.NaN;
  }
}

/** An event table as plain JSON: one array per column, `kinds` naming the kind codes. */
export interface EventsJson {
  kinds: string[];
  tick: number[];
  kind: number[];
  cell: number[];
  actor: number[];
  target: number[];
  value: number[];
}

/** Event log in columns. */
export class EventTable {
  /** Kind names; an event's kind is an index into this list. */
  readonly kinds: string[] = [];
  private readonly kindCode = new Map<string, number>();
  private tick = new Int32Array(256);
  private kindCol = new Int32Array(256);
  private cell = new Int32Array(256);
  private actor = new Int32Array(256);
  private target = new Int32Array(256);
  private value = new Float64Array(256);
  /** Events recorded. */
  length = 0;

  /** The code of an event kind, registered on first use (register kinds at setup, not per event). */
  kind(name: string): number {
    let c = this.kindCode.get(name);
    if (c === undefined) {
      c = this.kinds.length;
      this.kinds.push(name);
      this.kindCode.set(name, c);
    }
    return c;
  }

  /** Append one event; use -1 for an absent cell, actor or target. */
  add(tick: number, kind: number, cell: number, actor: number, target: number, value: number): void {
    if (this.length === this.tick.length) {
      const n = this.length * 2;
      this.tick = grow(this.tick, n);
      this.kindCol = grow(this.kindCol, n);
      this.cell = grow(this.cell, n);
      this.actor = grow(this.actor, n);
      this.target = grow(this.target, n);
      this.value = grow(this.value, n);
    }
    const i = this.length++;
    this.tick[i] = tick;
    this.kindCol[i] = kind;
    this.cell[i] = cell;
    this.actor[i] = actor;
    this.target[i] = target;
    this.value[i] = value;
  }

  /** Number of events of one kind code. */
  countOf(kind: number): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this.kindCol[i] === kind) n++;
    return n;
  }

  /** Plain JSON form. */
  toJSON(): EventsJson {
    const n = this.length;
    return {
      kinds: [...this.kinds],
      tick: Array.from(this.tick.subarray(0, n)),
      kind: Array.from(this.kindCol.subarray(0, n)),
      cell: Array.from(this.cell.subarray(0, n)),
      actor: Array.from(this.actor.subarray(0, n)),
      target: Array.from(this.target.subarray(0, n)),
      value: Array.from(this.value.subarray(0, n)),
    };
  }
}

/** Named series plus one event table for a run. */
export class Recorder {
  /** The run's event log. */
  readonly events = new EventTable();
  private readonly seriesByName = new Map<string, Series>();

  /** The series with this name, created on first use (keep the handle; do not look it up per tick). */
  series(name: string): Series {
    let s = this.seriesByName.get(name);
    if (!s) {
      s = new Series();
      this.seriesByName.set(name, s);
    }
    return s;
  }

  /** All series as plain arrays, in creation order. */
  seriesJSON(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [name, s] of this.seriesByName) out[name] = Array.from(s.values());
    return out;
  }
}

/** Create an empty recorder. */
export function createRecorder(): Recorder {
  return new Recorder();
}
