import { formatInZone } from './dates';

/** Shown in the ISU's own time zone unless a meeting says otherwise. */
export function formatInstant(iso: string | null | undefined, timeZone = 'Europe/Zurich'): string {
	return formatInZone(iso, timeZone);
}

/** Makes the links in a plain-text e-mail clickable without trusting anything else in it. */
export function linkParts(text: string): { text: string; href?: string }[] {
	const parts: { text: string; href?: string }[] = [];
	const re = /https?:\/\/[^\s<>"]+/g;
	let last = 0;
	for (const m of text.matchAll(re)) {
		if (m.index > last) parts.push({ text: text.slice(last, m.index) });
		parts.push({ text: m[0], href: m[0] });
		last = m.index + m[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}
