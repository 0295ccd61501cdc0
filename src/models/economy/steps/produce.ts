/** Production: every producing province adds its day's harvest to its stock (and to the books). */
import type { World } from "../../../worlds/types.js";
import type { Ledger } from "../ledger.js";

/** One day of production over every province of `world`, booked in `ledger`. */
export function produceDay(world: World, ledger: Ledger): void {
  world.provinces.forEach((q, i) => {
    ledger.stock[i]! += q.productionKgPerDay;
    ledger.produced += q.productionKgPerDay;
  });
}
