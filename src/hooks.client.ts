import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { localeOfPath } from '$lib/i18n';

// In the browser the address says the language; switching language reloads the page (the switch is a form).
overwriteGetLocale(() => localeOfPath(window.location.pathname));
