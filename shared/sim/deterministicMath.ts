/**
 * The simulation's own sin, cos, atan2, hypot and pow, built from the operations IEEE 754
 * makes exact (+ − × ÷, sqrt, floor/round, comparisons and bit moves), so every engine
 * computes them to the same bits.
 *
 * Why: ECMAScript lets each engine approximate `Math.sin`, `cos`, `atan2`, `exp`, `log`
 * and `pow` its own way, and they do (Chromium 156 and Node 20/22 differ by an ulp on a few
 * per cent of arguments). One ulp in a ship's heading is a different world a few seconds
 * later, so a replay or a browser's prediction would drift from the server. ESLint keeps
 * `Math.sin` and its kin out of `shared/` (eslint.config.mjs).
 *
 * Method: the classic one of fdlibm (Sun, 1993), whose polynomial coefficients are used
 * here: reduce the argument to a small interval by an exact or nearly exact step, then a
 * minimax polynomial there. Errors against `Math.*` are measured in deterministicMath.test.ts.
 * Arguments far beyond what the game uses (|x| > 8e5 for sin and cos) stay deterministic
 * but lose accuracy.
 */

// --- sin and cos ---------------------------------------------------------------------

const TWO_OVER_PI = 6.36619772367581382433e-1;
/** π/2 in three pieces; the first two hold 33 bits, so n × piece is exact for |n| < 2^20. */
const PIO2_1 = 1.57079632673412561417;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_3 = 2.0222662487111664558e-21;
/** Past this, n no longer fits the exact products above: fold the argument into one turn first. */
const REDUCTION_LIMIT = 524288 * PIO2_1; // 2^19 × π/2
const TWO_PI = 2 * Math.PI;

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** sin on [−π/4, π/4]. */
function sinKernel(r: number): number {
  const z = r * r;
  return r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
}

/** cos on [−π/4, π/4]: 1 − z/2 is summed with its rounding error kept, which holds the result to an ulp. */
function cosKernel(r: number): number {
  const z = r * r;
  const tail = z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const half = 0.5 * z;
  const w = 1 - half;
  return w + (1 - w - half + tail);
}

/** The quadrant of the last reduce() and its remainder in [−π/4, π/4]: module state, so a call allocates nothing. */
let quadrant = 0;
let remainder = 0;

function reduce(x: number): void {
  const folded = Math.abs(x) > REDUCTION_LIMIT ? x % TWO_PI : x;
  const n = Math.round(folded * TWO_OVER_PI);
  quadrant = n & 3;
  remainder = folded - n * PIO2_1 - n * PIO2_2 - n * PIO2_3;
}

export function sin(x: number): number {
  reduce(x);
  switch (quadrant) {
    case 0:
      return sinKernel(remainder);
    case 1:
      return cosKernel(remainder);
    case 2:
      return -sinKernel(remainder);
    default:
      return -cosKernel(remainder);
  }
}

export function cos(x: number): number {
  reduce(x);
  switch (quadrant) {
    case 0:
      return cosKernel(remainder);
    case 1:
      return -sinKernel(remainder);
    case 2:
      return -cosKernel(remainder);
    default:
      return sinKernel(remainder);
  }
}

// --- atan2 ---------------------------------------------------------------------------

/** atan(0.5), atan(1), atan(1.5), atan(∞), each as a high part and the low part it lost. */
const ATAN_HI = [4.63647609000806093515e-1, 7.85398163397448278999e-1, 9.82793723247329054082e-1, 1.570796326794896558];
const ATAN_LO = [2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17, 6.12323399573676603587e-17];
const AT = [
  3.33333333333329318027e-1, -1.99999999998764832476e-1, 1.42857142725034663711e-1, -1.1111110405462355788e-1, 9.09088713343650656196e-2,
  -7.69187620504482999495e-2, 6.66107313738753120669e-2, -5.83357013379057348645e-2, 4.97687799461593236017e-2, -3.6531572744216915527e-2,
  1.62858201153657823623e-2,
] as const;
const PI_LO = 1.2246467991473532e-16;
// Powers of two as literals: `**` is Math.pow, which the standard does not make exact.
const TWO_TO_66 = 7.378697629483821e19;
const TWO_TO_MINUS_27 = 7.450580596923828e-9;

/** atan of t ≥ 0 (∞ included): t is moved next to 0, ½, 1 or 3/2, where atan is known, and the rest is a polynomial. */
function atanOfNonNegative(t: number): number {
  if (t > TWO_TO_66) return ATAN_HI[3]!;
  let id: number;
  let u: number;
  if (t < 0.4375) {
    if (t < TWO_TO_MINUS_27) return t;
    id = -1;
    u = t;
  } else if (t < 0.6875) {
    id = 0;
    u = (2 * t - 1) / (2 + t);
  } else if (t < 1.1875) {
    id = 1;
    u = (t - 1) / (t + 1);
  } else if (t < 2.4375) {
    id = 2;
    u = (t - 1.5) / (1 + 1.5 * t);
  } else {
    id = 3;
    u = -1 / t;
  }
  const z = u * u;
  const w = z * z;
  // The series in z split into odd and even powers of w: two short Horner chains.
  const odd = z * (AT[0] + w * (AT[2] + w * (AT[4] + w * (AT[6] + w * (AT[8] + w * AT[10])))));
  const even = w * (AT[1] + w * (AT[3] + w * (AT[5] + w * (AT[7] + w * AT[9]))));
  if (id < 0) return u - u * (odd + even);
  return ATAN_HI[id]! - (u * (odd + even) - ATAN_LO[id]! - u);
}

const isNegative = (value: number): boolean => value < 0 || Object.is(value, -0);

/** The angle of the point (x, y) from the +x axis, in [−π, π], with Math.atan2's signs and special cases. */
export function atan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  let angle: number;
  if (ay === 0) angle = 0;
  else if (ax === 0) return isNegative(y) ? -ATAN_HI[3]! : ATAN_HI[3]!;
  else if (ax === Infinity) angle = ay === Infinity ? ATAN_HI[1]! : 0;
  else angle = atanOfNonNegative(ay / ax);
  // Left half-plane: π − angle, with π's lost low part added back.
  if (isNegative(x)) angle = Math.PI - (angle - PI_LO);
  return isNegative(y) ? -angle : angle;
}

// --- hypot ---------------------------------------------------------------------------

/** √(x² + y²). Without Math.hypot's scaling: the game's lengths are far from overflow. */
export function hypot(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

// --- exp, log, pow -------------------------------------------------------------------

const LN2_HI = 6.9314718036912381649e-1; // low 32 bits zero: k × LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const SQRT2 = Math.SQRT2;
const bits = new DataView(new ArrayBuffer(8));
const SMALLEST_NORMAL = 2.2250738585072014e-308; // 2^−1022
const TWO_TO_54 = 18014398509481984;

/** 2^k for an integer k in [−1022, 1023], built from its bits. */
function twoTo(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** Taylor terms 1/k! for e^r on |r| ≤ ln2/2; 14 terms leave an error under 1e-17. */
const EXP_TERMS = Array.from({ length: 15 }, (_, k) => {
  let factorial = 1;
  for (let i = 2; i <= k; i++) factorial *= i;
  return 1 / factorial;
});

export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let sum = EXP_TERMS[14]!;
  for (let i = 13; i >= 0; i--) sum = sum * r + EXP_TERMS[i]!;
  // Two factors of 2 so that the scale stays a normal number at both ends of the range.
  const first = k >> 1;
  return sum * twoTo(first) * twoTo(k - first);
}

/** Odd terms 1/(2k+1) of ln(m) = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172. */
const LOG_TERMS = Array.from({ length: 13 }, (_, k) => 1 / (2 * k + 1));

export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let exponent = 0;
  let value = x;
  if (value < SMALLEST_NORMAL) {
    value *= TWO_TO_54; // a subnormal: make it normal, so its bits hold its exponent
    exponent = -54;
  }
  bits.setFloat64(0, value);
  const high = bits.getUint32(0);
  exponent += (high >>> 20) - 1023;
  bits.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = bits.getFloat64(0); // the mantissa, in [1, 2)
  if (m > SQRT2) {
    m /= 2;
    exponent++;
  }
  const s = (m - 1) / (m + 1);
  const z = s * s;
  let sum = LOG_TERMS[12]!;
  for (let i = 11; i >= 0; i--) sum = sum * z + LOG_TERMS[i]!;
  return exponent * LN2_HI + (2 * s * sum + exponent * LN2_LO);
}

/** Largest integer exponent taken by repeated squaring; past it the error of the products grows. */
const MAX_SQUARING_EXPONENT = 64;

/** base^exponent: by squaring for small integer exponents (0.99² is 0.99 × 0.99), else e^(exponent·ln base). */
export function pow(base: number, exponent: number): number {
  if (Number.isInteger(exponent) && Math.abs(exponent) <= MAX_SQUARING_EXPONENT) {
    let result = 1;
    let factor = base;
    for (let n = Math.abs(exponent); n > 0; n >>= 1) {
      if (n & 1) result *= factor;
      factor *= factor;
    }
    return exponent < 0 ? 1 / result : result;
  }
  if (Number.isNaN(base) || Number.isNaN(exponent)) return NaN;
  if (base < 0) return Number.isInteger(exponent) ? (exponent % 2 === 0 ? 1 : -1) * pow(-base, exponent) : NaN;
  if (base === 0) return exponent > 0 ? 0 : Infinity;
  return exp(exponent * log(base));
}
