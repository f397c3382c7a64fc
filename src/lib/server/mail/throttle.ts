import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { limitAddress, reserve } from '../limits';
import { HOUR } from '../time';

export const MAIL_WINDOW = HOUR;
/** Mails anyone can make us send to one address (sign-up, password reset, confirmation resend, address change). */
export const MAILS_PER_RECIPIENT = 5;
/** Such mails asked for by one client address, to any recipients: room for a conference venue's shared address. */
export const MAILS_PER_ADDRESS = 30;

/**
 * Takes one mail from the recipient's and the client address's hourly allowance; false when either is spent. Callers
 * then send nothing and answer the page as if they had, so the limit tells a stranger nothing about any account.
 * `address` is the client's address; null (scripts, staff tools) counts the recipient only.
 */
export async function mayMail(db: Kysely<Database>, to: string, address: string | null): Promise<boolean> {
	const limits = [{ key: `mail-to ${to.trim().toLowerCase()}`, max: MAILS_PER_RECIPIENT }];
	if (address !== null) limits.push({ key: `mail-from ${limitAddress(address)}`, max: MAILS_PER_ADDRESS });
	return (await reserve(db, limits, MAIL_WINDOW)).ok;
}
