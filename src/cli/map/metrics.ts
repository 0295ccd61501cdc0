/** What `pamir map --metric` can draw: in a module of its own, for the command's help and its work. */

/** Province attributes `--metric` can draw without a values file. */
export const MAP_METRICS = [
  "population",
  "stateCapacity",
  "legitimacy",
  "corruption",
  "hardship",
  "ruggedness",
  "heroinSource",
  "cells",
] as const;
