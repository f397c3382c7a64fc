import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { formObject, text, titleTranslationFields } from '../forms';
import { DOCUMENT_TYPES } from './files';
import { parseSymbol } from './symbols';

const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.pipe(z.number().int().positive().nullable());

const documentMetaFields = {
	title: text(m.adm_form_label_title, 500),
	...titleTranslationFields(500),
	type: z.enum(DOCUMENT_TYPES, { error: () => m.adm_doc_type_choose() }),
	agenda_item_id: optionalId,
	organization_id: optionalId,
	distribution: z.enum(['general', 'limited'], { error: () => m.adm_doc_distribution_choose() })
};

export const documentMetaSchema = z.object(documentMetaFields);

export const newDocumentSchema = formObject(
	{
		...documentMetaFields,
		kind: z.enum(['new', 'revision', 'corrigendum']).default('new'),
		symbol: z
			.string()
			.max(200, { error: () => m.adm_doc_symbol_too_long() })
			.default(''),
		series: z.enum(['main', 'WP', 'INF', 'L']).default('main')
	},
	// The symbol's shape against the kind, told with the other fields; whether it exists is for createDocument.
	(d, refuse) => {
		if (d.kind === undefined || d.symbol === undefined) return;
		if (d.kind !== 'new' && !d.symbol.trim()) {
			refuse('symbol', d.kind === 'revision' ? m.adm_doc_symbol_to_revise() : m.adm_doc_symbol_to_correct());
			return;
		}
		if (!d.symbol.trim()) return;
		const p = parseSymbol(d.symbol);
		if (!p.ok) refuse('symbol', p.message);
		else if (d.kind === 'new' && (p.symbol.revision || p.symbol.corrigendum)) refuse('symbol', m.adm_doc_symbol_new_is_revision());
	}
);
