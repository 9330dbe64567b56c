/**
 * Positions of the k largest values, largest first; equal values by lower position
 * first (positions follow id order, so ties break by id). Values below 0 are skipped.
 */
export function topPositions(values: Int32Array, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  let floor = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < 0 || (top.length === k && v <= floor)) continue;
    let j = top.length;
    while (j > 0 && (values[top[j - 1] as number] as number) < v) j--;
    top.splice(j, 0, i);
    if (top.length > k) top.pop();
    if (top.length === k) floor = values[top[k - 1] as number] as number;
  }
  return top;
}
