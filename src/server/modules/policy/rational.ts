/**
 * Exact fractions over BigInt, for the scenario sensitivity: weights come as decimal strings
 * (numeric columns) and medians of integer scores are halves, so every breakpoint is a rational
 * number that floating point would only approximate.
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new RangeError('Division by zero');
    const sign = den < 0n ? -1n : 1n;
    const divisor = gcd(num < 0n ? -num : num, den < 0n ? -den : den) || 1n;
    this.num = (sign * num) / divisor;
    this.den = (sign * den) / divisor;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    return new Rational(BigInt(num), BigInt(den));
  }

  /** Parses '0.25', '12', '-1.5' exactly. */
  static parse(text: string | number): Rational {
    const value = String(text).trim();
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
    if (!match) throw new RangeError(`Not a decimal number: ${value}`);
    const decimals = match[3] ?? '';
    const num = BigInt(match[2] + decimals) * (match[1] === '-' ? -1n : 1n);
    return new Rational(num, 10n ** BigInt(decimals.length));
  }

  static readonly ZERO = Rational.of(0);
  static readonly ONE = Rational.of(1);

  add(other: Rational): Rational {
    return new Rational(this.num * other.den + other.num * this.den, this.den * other.den);
  }
  sub(other: Rational): Rational {
    return new Rational(this.num * other.den - other.num * this.den, this.den * other.den);
  }
  mul(other: Rational): Rational {
    return new Rational(this.num * other.num, this.den * other.den);
  }
  div(other: Rational): Rational {
    return new Rational(this.num * other.den, this.den * other.num);
  }
  compare(other: Rational): number {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  toString(): string {
    return this.den === 1n ? String(this.num) : `${this.num}/${this.den}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export const sumOf = (values: Rational[]) => values.reduce((total, v) => total.add(v), Rational.ZERO);
