/**
 * Remembering the results of pure functions of a word or a quote. Answering and index building call
 * the same few (stemming, term processing, the numbers of a quote) on the same few thousand strings
 * over and over.
 */

/**
 * `fn`, remembered per key. The memo starts afresh once it holds `limit` keys, so memory stays
 * bounded however many distinct keys arrive (the corpus's vocabulary, users' typing). Only for
 * functions whose result depends on the key alone.
 */
export function memoised<V>(fn: (key: string) => V, limit: number): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = fn(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
    return value;
  };
}
