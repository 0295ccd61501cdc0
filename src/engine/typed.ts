/** Typed-array kinds shared by agent columns and grid layers. */

/** Element kind of a typed column or layer. */
export type NumericKind = "f64" | "f32" | "i32" | "u32" | "i16" | "u16" | "i8" | "u8";

/** The typed array type that stores a given kind. */
export type ArrayOfKind<K extends NumericKind> = K extends "f64"
  ? Float64Array
  : K extends "f32"
    ? Float32Array
    : K extends "i32"
      ? Int32Array
      : K extends "u32"
        ? Uint32Array
        : K extends "i16"
          ? Int16Array
          : K extends "u16"
            ? Uint16Array
            : K extends "i8"
              ? Int8Array
              : Uint8Array;

/** Any of the typed arrays a column or layer may be. */
export type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

const CONSTRUCTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  i8: Int8Array,
  u8: Uint8Array,
} as const;

/** A zero-filled typed array of the given kind and length. */
export function allocate<K extends NumericKind>(kind: K, length: number): ArrayOfKind<K> {
  return new CONSTRUCTORS[kind](length) as ArrayOfKind<K>;
}

/** A copy of `src` in a new array of the same kind with `length` ≥ src.length (zero tail). */
export function grow<A extends NumericArray>(src: A, length: number): A {
  const out = new (src.constructor as new (n: number) => A)(length);
  out.set(src as ArrayLike<number> & A);
  return out;
}
