// Medians without allocation in the hot path: the detector runs over ~200k series in one go.

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

/** Median of a longer list (sorts a copy). */
export function medianOfList(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * out[i] = median(a[i .. i + w)) for i in [0, n − w]; the window is kept sorted and updated by one
 * removal and one insertion per step, so a whole series costs O(n · w).
 */
export function slidingMedian(a: ArrayLike<number>, w: number, out: Float64Array): number {
  const n = a.length;
  if (n < w) return 0;
  const win = new Float64Array(w);
  let size = 0;
  const insert = (v: number) => {
    let j = size - 1;
    while (j >= 0 && (win[j] ?? 0) > v) {
      win[j + 1] = win[j] ?? 0;
      j--;
    }
    win[j + 1] = v;
    size++;
  };
  const remove = (v: number) => {
    let j = 0;
    while (j < size && win[j] !== v) j++;
    for (; j < size - 1; j++) win[j] = win[j + 1] ?? 0;
    size--;
  };
  const mid = w >> 1;
  const median = () =>
    w % 2 === 1 ? (win[mid] ?? 0) : ((win[mid - 1] ?? 0) + (win[mid] ?? 0)) / 2;
  for (let i = 0; i < w; i++) insert(a[i] ?? 0);
  out[0] = median();
  for (let i = 1; i + w <= n; i++) {
    remove(a[i - 1] ?? 0);
    insert(a[i + w - 1] ?? 0);
    out[i] = median();
  }
  return n - w + 1;
}
