import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { registrationsCsv } from './csv';

const columns = [
	{ key: 'name', header: 'Name' },
	{ key: 'organization', header: 'Delegation' },
	{ key: 'places', header: 'Places' }
];

describe('registrationsCsv', () => {
	it('starts with a BOM and ends records with CRLF', () => {
		const csv = registrationsCsv([{ name: 'Ana', organization: 'Chile', places: 1 }], columns);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv).toBe('\ufeffName,Delegation,Places\r\nAna,Chile,1\r\n');
	});

	it('defuses formulas with a leading apostrophe', () => {
		const csv = registrationsCsv([{ name: "=cmd|' /C calc'!A0", organization: '@SUM(A1:A9)', places: null }], columns);
		expect(csv.split('\r\n')[1]).toBe(`'=cmd|' /C calc'!A0,'@SUM(A1:A9),`);
	});

	it('quotes commas, quotes and line breaks so each row stays one record', () => {
		const rows = [
			{ name: 'Smith, "Jo"', organization: 'Line one\nline two', places: 2 },
			{ name: 'Carriage\rreturn', organization: 'X', places: 0 }
		];
		const csv = registrationsCsv(rows, columns);
		expect(csv).toContain('"Smith, ""Jo""","Line one\nline two",2\r\n');
		expect(parse(csv, { bom: true, columns: true })).toEqual([
			{ Name: 'Smith, "Jo"', Delegation: 'Line one\nline two', Places: '2' },
			{ Name: 'Carriage\rreturn', Delegation: 'X', Places: '0' }
		]);
	});

	it('keeps names in any script as they are', () => {
		const rows = [
			{ name: 'عبد الله بن محمد', organization: 'العراق', places: 1 },
			{ name: 'Nguyễn Thị Minh Khai', organization: 'Việt Nam', places: 1 }
		];
		const lines = registrationsCsv(rows, columns).split('\r\n');
		expect(lines[1]).toBe('عبد الله بن محمد,العراق,1');
		expect(lines[2]).toBe('Nguyễn Thị Minh Khai,Việt Nam,1');
	});

	it('writes only the header for no rows, and empty cells for missing values', () => {
		expect(registrationsCsv([], columns)).toBe('\ufeffName,Delegation,Places\r\n');
		expect(registrationsCsv([{ name: 'A' }], columns)).toBe('\ufeffName,Delegation,Places\r\nA,,\r\n');
	});
});
