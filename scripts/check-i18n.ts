// `npm run i18n:check` (part of `npm run lint`): fails when
// 1. a message is missing, empty, or has other {placeholders} in one locale than in English;
// 2. Paraglide's compile warns (a plugin that did not load compiles to no messages at all, see STACK.md) or leaves
//    out a message;
// 3. a .svelte file shows English (text, or a placeholder/title/aria-label/alt/label attribute) outside messages.
// Adding a locale: add it to project.inlang/settings.json and give every part a messages file; this script follows.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'svelte/compiler';

const root = path.resolve(import.meta.dirname, '..');
const problems: string[] = [];

// ---- 1. every message in every locale --------------------------------------------------------------------------
const settings = JSON.parse(readFileSync(path.join(root, 'project.inlang/settings.json'), 'utf8'));
const locales: string[] = settings.locales;
const base: string = settings.baseLocale;
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
const placeholders = (text: string) => [...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1]).sort();
const allKeys = new Set<string>();

for (const pattern of patterns) {
	const files = Object.fromEntries(locales.map((l) => [l, path.join(root, pattern.replace('{locale}', l))]));
	const read = (l: string): Record<string, unknown> => {
		if (!existsSync(files[l])) {
			problems.push(`${pattern}: no file for locale ${l}`);
			return {};
		}
		const { $schema: _schema, ...messages } = JSON.parse(readFileSync(files[l], 'utf8'));
		return messages;
	};
	const english = read(base);
	for (const key of Object.keys(english)) {
		if (allKeys.has(key)) problems.push(`${pattern}: "${key}" is also defined in another part`);
		allKeys.add(key);
	}
	for (const locale of locales) {
		const messages = locale === base ? english : read(locale);
		for (const [key, value] of Object.entries(english)) {
			const text = messages[key];
			if (typeof text !== 'string' || !text.trim()) {
				problems.push(`${files[locale]}: "${key}" is missing or empty`);
				continue;
			}
			if (typeof value === 'string' && placeholders(value).join() !== placeholders(text).join())
				problems.push(`${files[locale]}: "${key}" has {${placeholders(text).join(', ')}} where English has {${placeholders(String(value)).join(', ')}}`);
		}
		for (const key of Object.keys(messages)) if (!(key in english)) problems.push(`${files[locale]}: "${key}" is not in English`);
	}
}

// ---- 2. the compile loads its plugin and compiles every message ------------------------------------------------
// Into a folder of its own: the check runs beside svelte-check (npm test), which reads src/lib/paraglide.
const outdir = mkdtempSync(path.join(os.tmpdir(), 'ccm-i18n-check-'));
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
const compileLog = execFileSync(
	path.join(root, 'node_modules/.bin/paraglide-js'),
	['compile', '--project', './project.inlang', '--outdir', outdir, '--strategy', 'url', 'baseLocale'],
	{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
);
if (/warn|error/i.test(compileLog)) problems.push(`Paraglide's compile warned:\n${compileLog}`);
const index = readFileSync(path.join(outdir, 'messages/_index.js'), 'utf8');
for (const key of allKeys) if (!index.includes(key)) problems.push(`the compiled messages lack "${key}"`);
if (allKeys.size === 0) problems.push('no messages at all');

// ---- 3. no English in .svelte markup -------------------------------------------------------------------------
/** Words that read the same in every language of the Convention (names, symbols, formats). */
const SAME_IN_EVERY_LANGUAGE = new Set(['CCM', 'ISU', 'MSP', 'CSV', 'PDF', 'JSON', 'ICS', 'iCal', 'URL', 'ID', 'OK', 'UTC', 'English', 'Français', 'Español']);
const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label', 'aria-description', 'value']);

/** Files still being translated: each entry must still show English (the list only shrinks). */
const NOT_YET_TRANSLATED = new Set<string>(
	readFileSync(path.join(root, 'scripts/i18n-pending.txt'), 'utf8')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#'))
);

function english(text: string): string | null {
	const words = text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? [];
	const shown = words.filter((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
	return shown.length ? text.trim().replace(/\s+/g, ' ').slice(0, 60) : null;
}

function findEnglish(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const ast = parse(source, { modern: true });
	const found: string[] = [];
	const visit = (node: any, inButtonValue = false): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, inButtonValue));
		if (node.type === 'Text' && typeof node.data === 'string') {
			const e = english(node.data);
			if (e) found.push(`text "${e}"`);
		}
		if ((node.type === 'RegularElement' || node.type === 'Component' || node.type === 'SvelteElement') && Array.isArray(node.attributes)) {
			const type = node.attributes.find((a: any) => a.name === 'type' && Array.isArray(a.value))?.value[0]?.data;
			// A <button> shows its content and only sends its value; an <input type="submit|button|reset"> shows its value.
			const showsValue = node.name === 'input' && ['submit', 'button', 'reset'].includes(type);
			for (const a of node.attributes) {
				if (a.type !== 'Attribute' || !VISIBLE_ATTRIBUTES.has(a.name) || !Array.isArray(a.value)) continue;
				if (a.name === 'value' && !showsValue) continue;
				for (const part of a.value) if (part.type === 'Text' && english(part.data)) found.push(`${a.name}="${english(part.data)}"`);
			}
			visit(node.fragment);
			return;
		}
		for (const [k, v] of Object.entries(node)) if (k !== 'attributes' && k !== 'metadata') visit(v);
	};
	visit(ast.fragment);
	return found;
}

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return name === 'paraglide' ? [] : svelteFiles(full);
		return name.endsWith('.svelte') ? [full] : [];
	});
}

for (const file of svelteFiles(path.join(root, 'src'))) {
	const rel = path.relative(root, file);
	const found = findEnglish(file);
	if (NOT_YET_TRANSLATED.has(rel)) {
		if (!found.length) problems.push(`${rel} has no English left: take it off scripts/i18n-pending.txt`);
		continue;
	}
	for (const f of found.slice(0, 5)) problems.push(`${rel}: English outside messages: ${f}`);
	if (found.length > 5) problems.push(`${rel}: … and ${found.length - 5} more`);
}

// Ready for right-to-left scripts (issue 14): styles say start/end, never left/right, so that dir="rtl" mirrors them.
const PHYSICAL =
	/(?:^|[\s;{"'])((?:margin|padding|border)-(?:left|right)(?:-\w+)?|border-(?:top|bottom)-(?:left|right)-radius|(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b)/gm;
function physicalProperties(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const styles = file.endsWith('.css')
		? [text]
		: [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g), ...text.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]);
	return styles.flatMap((css) => [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(PHYSICAL)].map((m) => m[1].trim()));
}
function styledFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return name === 'paraglide' ? [] : styledFiles(full);
		return /\.(svelte|css)$/.test(name) ? [full] : [];
	});
}
let styled = 0;
for (const file of styledFiles(path.join(root, 'src'))) {
	styled++;
	for (const p of physicalProperties(file))
		problems.push(`${path.relative(root, file)}: "${p}" is a physical property: use its logical form (inline-start/end, start/end)`);
}

if (problems.length) {
	console.error(`i18n check: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(
	`i18n check: ${allKeys.size} messages in ${locales.join(', ')}; every .svelte file speaks through messages (${NOT_YET_TRANSLATED.size} pending); ${styled} style sheets use logical properties only.`
);
