// Medians without allocation in the hot path: the detector runs over ~200k series in one go, so
// no closures and no per-call buffers here (scratch space grows once and is reused).

let work = new Float64Array(128);
const room = (n: number) => {
  if (work.length < n) work = new Float64Array(n * 2);
  return work;
};

/** Median of `a[from..to)`; `scratch` must hold at least to − from numbers. */
export function medianOf(
  a: ArrayLike<number>,
  from: number,
  to: number,
  scratch: Float64Array,
): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  for (let i = 0; i < n; i++) {
    // insertion sort: windows are short (≤ 31)
    const v = a[from + i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (scratch[j] ?? 0) > v) {
      scratch[j + 1] = scratch[j] ?? 0;
      j--;
    }
    scratch[j + 1] = v;
  }
  const mid = n >> 1;
  return n % 2 === 1 ? (scratch[mid] ?? 0) : ((scratch[mid - 1] ?? 0) + (scratch[mid] ?? 0)) / 2;
}

/** k-th smallest of buf[0..n) (Hoare's quickselect; reorders buf). */
function select(buf: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = buf[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((buf[i] ?? 0) < pivot) i++;
      while ((buf[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = buf[i] ?? 0;
        buf[i] = buf[j] ?? 0;
        buf[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return buf[k] ?? 0;
}

/** Median of a longer list, by selection on a copy in reused scratch space. */
export function medianOfList(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const buf = room(n);
  for (let i = 0; i < n; i++) buf[i] = values[i] ?? 0;
  const hi = select(buf, n, n >> 1);
  if (n % 2 === 1) return hi;
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if ((buf[i] ?? 0) > lo) lo = buf[i] ?? 0;
  return (lo + hi) / 2;
}

/**
 * out[i] = median(a[i .. i + w)) for i in [0, n − w]; the window is kept sorted and updated by one
 * removal and one insertion per step, so a whole series costs O(n · w).
 */
export function slidingMedian(a: ArrayLike<number>, w: number, out: Float64Array): number {
  const n = a.length;
  if (n < w) return 0;
  const win = room(w);
  const mid = w >> 1;
  const odd = w % 2 === 1;
  for (let i = 0; i < w; i++) {
    const v = a[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (win[j] ?? 0) > v) {
      win[j + 1] = win[j] ?? 0;
      j--;
    }
    win[j + 1] = v;
  }
  out[0] = odd ? (win[mid] ?? 0) : ((win[mid - 1] ?? 0) + (win[mid] ?? 0)) / 2;
  for (let i = 1; i + w <= n; i++) {
    // replace the value leaving the window by the one entering, then move it into place
    const gone = a[i - 1] ?? 0;
    const v = a[i + w - 1] ?? 0;
    let j = 0;
    while (j < w - 1 && win[j] !== gone) j++;
    win[j] = v;
    while (j > 0 && (win[j - 1] ?? 0) > v) {
      win[j] = win[j - 1] ?? 0;
      win[j - 1] = v;
      j--;
    }
    while (j < w - 1 && (win[j + 1] ?? 0) < v) {
      win[j] = win[j + 1] ?? 0;
      win[j + 1] = v;
      j++;
    }
    out[i] = odd ? (win[mid] ?? 0) : ((win[mid - 1] ?? 0) + (win[mid] ?? 0)) / 2;
  }
  return n - w + 1;
}
