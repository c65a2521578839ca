/**
 * Cuts a file's bytes into whole CSV records and (for register tables keyed by entity) rewrites the first
 * field of every CSV record from the register's entity-number form (`"0200.065.765"`, `"2.000.000.339"`)
 * to the stored form (`"0200065765"`: ten digits, a nine-digit number padded with a zero), byte by byte,
 * leaving the rest of each record as it is. Fed blocks of a file (after its header); gives back whole
 * records only (a record cut by the block's end waits for the next block). `null` means a first field is
 * not an entity number: the caller then reads the file line by line, which names the line.
 */
export class EntityColumnRewriter {
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    /** Rewrite the first field (files keyed by entity number) or pass records through (code.csv). */
    private readonly entityFirst: boolean,
    /** A record longer than this (an unterminated quote?) gives null: the line path reports it. */
    private readonly maxRecordBytes: number,
  ) {}

  push(chunk: Buffer): Buffer | null {
    const input = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    return this.rewrite(input, false);
  }

  end(): Buffer | null {
    const input = this.carry;
    this.carry = Buffer.alloc(0);
    return this.rewrite(input, true);
  }

  private rewrite(input: Buffer, last: boolean): Buffer | null {
    // A padded number adds one byte per record at most; a record is far longer than eight bytes.
    const output = Buffer.allocUnsafe(input.length + (input.length >> 3) + 16);
    let out = 0;
    let start = 0;
    const n = input.length;
    while (start < n) {
      // The end of this record: the first newline outside quotes.
      let end = -1;
      let inQuotes = false;
      for (let i = start; i < n; i++) {
        const c = input[i];
        if (c === 34) inQuotes = !inQuotes;
        else if (c === 10 && !inQuotes) {
          end = i;
          break;
        }
      }
      if (end === -1 && !last) break;
      const recordEnd = end === -1 ? n : end + 1;
      if (recordEnd - start > this.maxRecordBytes) return null;
      if (!this.entityFirst) {
        out += input.copy(output, out, start, recordEnd);
        start = recordEnd;
        continue;
      }
      // The first field, quoted or not.
      const quoted = input[start] === 34;
      let i = quoted ? start + 1 : start;
      let digits = 0;
      const fieldStart = i;
      for (; i < recordEnd; i++) {
        const c = input[i];
        if (c >= 48 && c <= 57) digits++;
        else if (c !== 46) break;
      }
      if (quoted ? input[i] !== 34 : input[i] !== 44) {
        // An empty line (only a line end) is left to the database, like the line parser skips it.
        if (!quoted && i === start && (input[i] === 10 || input[i] === 13)) {
          start = recordEnd;
          continue;
        }
        return null;
      }
      if (digits !== 9 && digits !== 10) return null;
      output[out++] = 34;
      if (digits === 9) output[out++] = 48;
      for (let j = fieldStart; j < i; j++) if (input[j] !== 46) output[out++] = input[j];
      output[out++] = 34;
      // The rest of the record from the closing quote (or comma) on.
      out += input.copy(output, out, quoted ? i + 1 : i, recordEnd);
      start = recordEnd;
    }
    this.carry = start < n ? Buffer.from(input.subarray(start)) : Buffer.alloc(0);
    if (this.carry.length > this.maxRecordBytes) return null;
    return output.subarray(0, out);
  }
}
