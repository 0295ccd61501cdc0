/**
 * Parquet files of a results folder, written with hyparquet-writer (pure JavaScript: no native
 * build, so it runs wherever pamir runs, worker threads included) and read back with hyparquet,
 * its reader. Every file is written to a temporary name and renamed, so a crash never leaves
 * half a table under a table's name. Column statistics and page indexes are left out: the
 * tables are small per file and read whole, and they cost more time to write than the data.
 */
import {
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import {
  asyncBufferFromFile,
  parquetMetadata,
  parquetMetadataAsync,
  parquetRead,
  parquetReadObjects,
} from "hyparquet";
import type { ColumnSource } from "hyparquet-writer";
import { fileWriter, ParquetWriter, parquetWriteBuffer, schemaFromColumnData } from "hyparquet-writer";

/** The column types the tables use (Parquet physical type and annotation, as hyparquet-writer names them). */
export type ColumnType = "STRING" | "INT32" | "INT64" | "DOUBLE" | "BOOLEAN";

/** One column to write: its name, type and values (null for missing). */
export interface Column {
  name: string;
  type: ColumnType;
  data: unknown[];
}

/** Rows per row group of a compacted table: big enough to compress, small enough to stream. */
export const ROW_GROUP = 100_000;

function source(c: Column): ColumnSource {
  // INT64 values go in as bigint, as the writer requires; the tables keep them as JS numbers until here.
  const data = c.type === "INT64" ? c.data.map((v) => (v === null ? null : BigInt(v as number))) : c.data;
  return { name: c.name, type: c.type, data: data as ColumnSource["data"], offsetIndex: false };
}

/** Write `columns` as one Parquet file at `path` (through `<path>.tmp` and a rename). */
export function writeTable(path: string, columns: readonly Column[]): void {
  const buf = parquetWriteBuffer({ columnData: columns.map(source), statistics: false, createdBy: "pamir" });
  writeFileSync(`${path}.tmp`, new Uint8Array(buf));
  renameSync(`${path}.tmp`, path);
}

/**
 * Write `columns` as a small Parquet part at `path`, directly and uncompressed: for the small
 * parts a study writes as it runs, the pure-JavaScript Snappy codec and a rename cost several
 * times the rest of the write. A part a crash cut short is no Parquet file (`isWhole`).
 */
export function writePart(path: string, columns: readonly Column[]): void {
  const buf = parquetWriteBuffer({
    columnData: columns.map(source),
    statistics: false,
    codec: "UNCOMPRESSED",
    createdBy: "pamir",
  });
  writeFileSync(path, new Uint8Array(buf));
}

/** Whether the file at `path` is a whole Parquet file (its footer parses). */
export function isWhole(path: string): boolean {
  try {
    const b = readFileSync(path);
    parquetMetadata(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the file at `path` ends as a whole Parquet file does: both magic numbers, and a footer
 * length that fits. Reads 12 bytes, so a query can skip a part still being written, or one a
 * crash cut short, without parsing every part (the magic and the footer length are written last).
 */
export function endsWhole(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size < 12) return false;
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(8);
    readSync(fd, head, 0, 4, 0);
    readSync(fd, tail, 0, 8, size - 8);
    const magic = (b: Buffer, at: number) => b.toString("latin1", at, at + 4) === "PAR1";
    return magic(head, 0) && magic(tail, 4) && tail.readUInt32LE(0) <= size - 12;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A table written in chunks of rows (one or more row groups each): memory holds one chunk. */
export class TableStream {
  private writer: ParquetWriter | undefined;
  private readonly tmp: string;

  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp`;
  }

  /** Append rows given as columns; every chunk must have the same columns in the same order. */
  write(columns: readonly Column[]): void {
    const columnData = columns.map(source);
    if (!this.writer) {
      const schema = schemaFromColumnData({ columnData });
      this.writer = new ParquetWriter({
        writer: fileWriter(this.tmp),
        schema,
        statistics: false,
        createdBy: "pamir",
      });
    }
    if ((columns[0]?.data.length ?? 0) > 0) void this.writer.write({ columnData, rowGroupSize: ROW_GROUP });
  }

  /** Finish the file and rename it into place; `empty` gives the columns of a table that got no chunk. */
  close(empty: readonly Column[]): void {
    if (!this.writer) this.write(empty);
    this.writer!.finish();
    renameSync(this.tmp, this.path);
  }

  /** Drop the unfinished file. */
  abort(): void {
    rmSync(this.tmp, { force: true });
  }
}

/** All rows of the Parquet file at `path` as objects (INT64 as bigint), only `columns` when given. */
export async function readTable(path: string, columns?: string[]): Promise<Record<string, unknown>[]> {
  const file = await asyncBufferFromFile(path);
  return parquetReadObjects({ file, ...(columns ? { columns } : {}) });
}

/** Whole columns of the Parquet file at `path` (INT64 as bigint): no object per row. */
export async function readColumns(
  path: string,
  columns: string[],
): Promise<Record<string, ArrayLike<unknown>>> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const n = Number(metadata.num_rows);
  const out: Record<string, unknown[]> = Object.fromEntries(columns.map((c) => [c, new Array(n)]));
  await parquetRead({
    file,
    metadata,
    columns,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const col = out[columnName];
      if (!col) return;
      for (let i = 0; i < columnData.length; i++) col[rowStart + i] = columnData[i];
    },
  });
  return out;
}

/** The column names of the Parquet file at `path`, in order. */
export async function tableColumns(path: string): Promise<string[]> {
  const file = await asyncBufferFromFile(path);
  const meta = await parquetMetadataAsync(file);
  return meta.schema.slice(1).map((s) => s.name);
}

/** Call `onRow` for every row of the Parquet file at `path` (only `columns`), reading `chunk` rows at a time. */
export async function forEachRow(
  path: string,
  columns: string[],
  onRow: (row: Record<string, unknown>) => void,
  chunk = ROW_GROUP,
): Promise<void> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const n = Number(metadata.num_rows);
  for (let rowStart = 0; rowStart < n; rowStart += chunk) {
    const rows = await parquetReadObjects({
      file,
      metadata,
      columns,
      rowStart,
      rowEnd: Math.min(n, rowStart + chunk),
    });
    for (const r of rows) onRow(r);
  }
}
