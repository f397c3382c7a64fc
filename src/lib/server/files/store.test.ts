import { describe, expect, it } from 'vitest';
import { runInLocale } from '../i18n';
import { checkUpload, MIME_LABELS } from './store';

/*
 * An upload's refusal is shown next to the file field of the page that sent it: in that page's language. The formats'
 * names (PDF, Word (DOCX)) read the same in every language; an image's does not.
 */

const PDF = 'application/pdf';
const DOCUMENTS = [PDF, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png'];
const MB = 1024 * 1024;
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const empty = () => checkUpload(new File([], 'empty.pdf', { type: PDF }), [PDF], MB);
const notAFile = () => checkUpload('not a file at all', [PDF], MB);
const tooLarge = () => checkUpload(new File([Buffer.alloc(2 * MB)], 'big.pdf', { type: PDF }), [PDF], MB);
const textAsPdf = () => checkUpload(new File(['Minutes, plain text.\n'], 'minutes.pdf', { type: PDF }), DOCUMENTS, MB);
const pngAsPdf = () => checkUpload(new File([PNG], 'letter.pdf', { type: PDF }), [PDF], MB);

const message = async (check: () => Promise<Awaited<ReturnType<typeof checkUpload>>>) => {
	const r = await check();
	return r.ok ? null : r.message;
};

describe('upload refusals in the language of the page', () => {
	it('in French', async () => {
		const fr = (check: Parameters<typeof message>[0]) => runInLocale('fr', () => message(check));
		expect(await fr(empty)).toBe('Choisissez un fichier à téléverser : celui-ci est vide.');
		expect(await fr(notAFile)).toBe('Choisissez un fichier à téléverser : celui-ci est vide.');
		expect(await fr(tooLarge)).toBe('Le fichier dépasse 1 Mo. Veuillez envoyer un fichier plus petit.');
		expect(await fr(textAsPdf)).toBe(
			'Ce fichier n’est pas au format PDF, Word (DOCX), image PNG, quel que soit son nom. Veuillez téléverser un fichier PDF, Word (DOCX), image PNG.'
		);
		expect(await fr(pngAsPdf)).toBe(
			'Ce fichier n’est pas au format PDF (son contenu est au format PNG), quel que soit son nom. Veuillez téléverser un fichier PDF.'
		);
	});

	it('in Spanish', async () => {
		const es = (check: Parameters<typeof message>[0]) => runInLocale('es', () => message(check));
		expect(await es(empty)).toBe('Elija un archivo para subir: este está vacío.');
		expect(await es(tooLarge)).toBe('El archivo ocupa más de 1 MB. Envíe un archivo más pequeño.');
		expect(await es(pngAsPdf)).toBe('Este archivo no está en formato PDF (su contenido es PNG), diga lo que diga su nombre. Suba un archivo PDF.');
		expect(runInLocale('es', () => MIME_LABELS['image/jpeg'])).toBe('imagen JPEG');
	});

	it('in English as before, on an English page and outside a request', async () => {
		for (const run of [<T>(fn: () => T) => runInLocale('en', fn), <T>(fn: () => T) => fn()]) {
			expect(await run(() => message(empty))).toBe('Choose a file to upload: this one is empty.');
			expect(await run(() => message(tooLarge))).toBe('The file is larger than 1 MB. Please send a smaller file.');
			expect(await run(() => message(textAsPdf))).toBe(
				'This file is not a PDF, Word (DOCX), PNG image file, whatever its name says. Please upload a PDF, Word (DOCX), PNG image.'
			);
			expect(await run(() => message(pngAsPdf))).toBe('This file is not a PDF file (its content is PNG), whatever its name says. Please upload a PDF.');
		}
	});

	it('accepts a file whose content is of an allowed type, whatever the language', async () => {
		const r = await runInLocale('fr', () => checkUpload(new File([PNG], 'logo (1).png', { type: 'image/png' }), DOCUMENTS, MB));
		expect(r).toMatchObject({ ok: true, mime: 'image/png', name: 'logo _1_.png' });
	});
});
