// A lookup in a table of plain objects by a name from a file or a user (a party, a column, a synonym).
/**
 * `table[key]` when the table has the key itself: never a property of Object.prototype (a user's word such as
 * `constructor` or `toString` is looked up in tables of plain objects, and would find a function there).
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
