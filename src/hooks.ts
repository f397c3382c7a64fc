import type { Reroute } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n';

// `/fr/meetings` shows the route `/meetings`; the page reads its locale from the address (src/lib/i18n.ts).
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);
