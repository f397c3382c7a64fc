import { z } from 'zod';
import { searchDocuments, SEARCH_PAGE_SIZE, DOCUMENT_TYPE_LABELS, LANGUAGES } from '$lib/server/records';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	type: z.string().max(40).optional().catch(undefined),
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
	lang: z.string().max(5).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined)
});

const TYPE_CODES = Object.keys(DOCUMENT_TYPE_LABELS);
const LANGUAGE_CODES_LISTED = Object.keys(LANGUAGES);

export const load: PageServerLoad = async ({ url, setHeaders, locals }) => {
	const f = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
	const searching = !!(f.q || f.type || f.year || f.lang);
	const result = await searchDocuments(f);
	// Shared caches may keep what everyone sees; a signed-in page names its user (securityHeaders makes it private).
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=60' });
	// SvelteKit serializes page data even without hydration (csr = false): the codes only, the page names them.
	return { filter: f, searching, result, pageSize: SEARCH_PAGE_SIZE, types: TYPE_CODES, languages: LANGUAGE_CODES_LISTED };
};
