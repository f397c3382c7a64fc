import type { Locale } from '$lib/i18n';
import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The language of the address (`/fr/…`), see src/lib/server/i18n. */
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
