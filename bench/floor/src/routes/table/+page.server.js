const ROWS = Array.from({ length: 30 }, (_, i) => ({
	symbol: `CCM/MSP/2023/${i + 1}`,
	title: `Working paper ${i + 1} on victim assistance and clearance`,
	date: `2023-09-${String((i % 28) + 1).padStart(2, '0')}`,
	languages: ['English', 'French', 'Spanish'].slice(0, (i % 3) + 1)
}));

export const load = () => ({ rows: ROWS });
