/**
 * The floor: Schelling written by hand as flat typed-array loops, no engine. It draws the same
 * random numbers in the same order as `src/models/classic/schelling.ts` (same named streams, same
 * shuffle, same empty-cell set discipline), so for a seed both give the same moves — a test
 * checks that, which is what makes the engine/floor time ratio an honest measure of overhead.
 */
import seedrandom from "seedrandom";

/** Inputs of one floor run (bounded grid, two equal groups). */
export interface FloorParams {
  width: number;
  height: number;
  agents: number;
  radius: number;
  minToBeHappy: number;
  counting: "incremental" | "scan";
}

/** What the floor reports, to compare with the engine model. */
export interface FloorResult {
  setupMs: number;
  stepMs: number;
  movesTotal: number;
  happyShare: number;
}

/** Run the hand-written Schelling for `ticks` ticks with `seed`. */
export function floorSchelling(p: FloorParams, seed: number, ticks: number): FloorResult {
  const t0 = performance.now();
  const W = p.width;
  const H = p.height;
  const S = W * H;
  const K = p.agents;
  const R = p.radius;
  const setup = seedrandom.xor4096(`${seed}/setup`);
  const orderRng = seedrandom.xor4096(`${seed}/order`);
  const moveRng = seedrandom.xor4096(`${seed}/move`);

  const cells = new Int32Array(S);
  for (let i = 0; i < S; i++) cells[i] = i;
  for (let i = S - 1; i > 0; i--) {
    const j = Math.floor(setup() * (i + 1));
    const t = cells[i]!;
    cells[i] = cells[j]!;
    cells[j] = t;
  }
  // Empty cells as a dense list + positions; occupied cells are swapped out of it.
  const empty = new Int32Array(S);
  const where = new Int32Array(S);
  for (let i = 0; i < S; i++) {
    empty[i] = i;
    where[i] = i;
  }
  let nEmpty = S;
  const takeCell = (c: number): void => {
    const i = where[c]!;
    const last = empty[--nEmpty]!;
    empty[i] = last;
    where[last] = i;
    where[c] = -1;
  };
  const cell = new Int32Array(K);
  const group = new Uint8Array(K);
  const happyFlag = new Uint8Array(K);
  for (let k = 0; k < K; k++) {
    cell[k] = cells[k]!;
    group[k] = k < K / 2 ? 0 : 1;
    takeCell(cells[k]!);
  }
  const offs: number[] = [];
  const dxs: number[] = [];
  const dys: number[] = [];
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) {
      if (dx === 0 && dy === 0) continue;
      offs.push(dy * W + dx);
      dxs.push(dx);
      dys.push(dy);
    }
  }
  const lin = Int32Array.from(offs);
  const NO = lin.length;
  const counts = [new Int32Array(S), new Int32Array(S)];
  const presence = [new Uint8Array(S), new Uint8Array(S)];
  const bump = (c: number, arr: Int32Array, d: number): void => {
    const x = c % W;
    const y = (c - x) / W;
    if (x >= R && y >= R && x < W - R && y < H - R) {
      for (let j = 0; j < NO; j++) arr[c + lin[j]!]! += d;
      return;
    }
    for (let j = 0; j < NO; j++) {
      const nx = x + dxs[j]!;
      const ny = y + dys[j]!;
      if (nx >= 0 && ny >= 0 && nx < W && ny < H) arr[ny * W + nx]! += d;
    }
  };
  const scan = (c: number, arr: Uint8Array): number => {
    const x = c % W;
    const y = (c - x) / W;
    let s = 0;
    if (x >= R && y >= R && x < W - R && y < H - R) {
      for (let j = 0; j < NO; j++) s += arr[c + lin[j]!]!;
      return s;
    }
    for (let j = 0; j < NO; j++) {
      const nx = x + dxs[j]!;
      const ny = y + dys[j]!;
      if (nx >= 0 && ny >= 0 && nx < W && ny < H) s += arr[ny * W + nx]!;
    }
    return s;
  };
  const incremental = p.counting === "incremental";
  for (let k = 0; k < K; k++) {
    if (incremental) bump(cell[k]!, counts[group[k]!]!, 1);
    else presence[group[k]!]![cell[k]!] = 1;
  }
  const t1 = performance.now();

  const order = new Int32Array(K);
  let movesTotal = 0;
  let happy = 0;
  for (let t = 0; t < ticks; t++) {
    for (let i = 0; i < K; i++) order[i] = i;
    for (let i = K - 1; i > 0; i--) {
      const j = Math.floor(orderRng() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    happy = 0;
    for (let i = 0; i < K; i++) {
      const id = order[i]!;
      const c = cell[id]!;
      const g = group[id]!;
      const same = incremental ? counts[g]![c]! : scan(c, presence[g]!);
      if (same >= p.minToBeHappy) {
        happyFlag[id] = 1;
        happy++;
        continue;
      }
      happyFlag[id] = 0;
      if (nEmpty === 0) continue;
      const dest = empty[Math.floor(moveRng() * nEmpty)]!;
      empty[nEmpty] = c; // free the old cell (append), then take the new one
      where[c] = nEmpty++;
      takeCell(dest);
      cell[id] = dest;
      if (incremental) {
        bump(c, counts[g]!, -1);
        bump(dest, counts[g]!, 1);
      } else {
        presence[g]![c] = 0;
        presence[g]![dest] = 1;
      }
      movesTotal++;
    }
  }
  const t2 = performance.now();
  return { setupMs: t1 - t0, stepMs: t2 - t1, movesTotal, happyShare: K > 0 ? happy / K : 1 };
}
