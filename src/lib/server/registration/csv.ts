import { stringify } from 'csv-stringify/sync';
import { csvSafe } from './rules';

/**
 * A spreadsheet export: UTF-8 with a byte order mark (without it Excel reads the file as the local code page and
 * mangles names outside Latin-1), CRLF between records, and every cell, headers included, through `csvSafe` so that
 * a name like `=HYPERLINK(…)` stays text.
 */
export function registrationsCsv(rows: Array<Record<string, string | number | null>>, columns: { key: string; header: string }[]): string {
	const records = [columns.map((c) => csvSafe(c.header)), ...rows.map((row) => columns.map((c) => csvSafe(row[c.key])))];
	return stringify(records, {
		bom: true,
		record_delimiter: 'windows',
		// csv-stringify quotes a field holding the record delimiter, but not a lone LF or CR, which would split the row.
		quoted_match: /[\r\n]/
	});
}
