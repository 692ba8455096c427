// How the benches print their numbers and their summary tables.

/** A number in English, with `digits` decimals exactly. */
export const number = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints `table` (a header then rows, each a list of strings) in aligned columns: the first to the left, the others to the right. */
export function printTable(table) {
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const line of table) console.log(`  ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`);
}
