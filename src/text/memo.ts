/**
 * Remembering the results of pure functions of a word, a quote or a number. Answering and index
 * building call the same few (stemming, term processing, the numbers of a quote, number formatting)
 * on the same few thousand keys over and over.
 */

/**
 * `fn`, remembered per key. The memo starts afresh once it holds `limit` keys, so memory stays
 * bounded however many distinct keys arrive (the corpus's vocabulary, users' typing). Only for
 * functions whose result depends on the key alone.
 */
export function memoised<K extends string | number, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = fn(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
    return value;
  };
}

/**
 * `fn` of an object and a key, remembered per object and key for as long as the object lives. Only
 * for objects that never change (the loaded data) and keys drawn from them (force and metric ids), as
 * nothing is ever forgotten while the object lives.
 */
export function memoisedPer<O extends object, K, V>(fn: (owner: O, key: K) => V): (owner: O, key: K) => V {
  const memo = new WeakMap<O, Map<K, V>>();
  return (owner, key) => {
    let byKey = memo.get(owner);
    if (!byKey) {
      byKey = new Map();
      memo.set(owner, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as V;
    const value = fn(owner, key);
    byKey.set(key, value);
    return value;
  };
}
