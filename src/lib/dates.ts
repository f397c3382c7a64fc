const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2–4 September 2019", "30 August – 2 September 2022", "28 December 2019 – 3 January 2020", as UN documents write them. */
export function formatDateRange(start: string, end: string): string {
	const [y1, m1, d1] = start.split('-').map(Number);
	const [y2, m2, d2] = end.split('-').map(Number);
	if (start === end) return `${d1} ${MONTHS[m1 - 1]} ${y1}`;
	if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS[m1 - 1]} ${y1}`;
	if (y1 === y2) return `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]} ${y1}`;
	return `${d1} ${MONTHS[m1 - 1]} ${y1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

/** One day (YYYY-MM-DD, a longer ISO text is cut to its day) as prose writes it: "2 September 2019". */
export function formatDate(day: string): string {
	return formatDateRange(day.slice(0, 10), day.slice(0, 10));
}

/** An instant on the venue's clock with the zone named: "15 Aug 2019, 18:00 CEST". */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
	if (!iso) return '';
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone,
		timeZoneName: 'short'
	}).format(new Date(iso));
}
