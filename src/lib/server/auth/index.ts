// The auth area's front door: accounts, sessions, sign-in limits, links sent by mail, staff management of people.
// (Request guards that answer 303/403 are in ./guards, which routes import directly.)
import { bindDb } from '../db';
import * as accounts from './accounts';
import * as links from './links';
import * as session from './session';
import * as users from './users';

export type { SessionUser, Session } from './session';
export type { LoginResult, NewAccount } from './accounts';
export type { LinkToken } from './links';
export { ROLES, type Role, type User } from '../db';
export { ROLE_LABELS } from './roles';
export { SESSION_COOKIE, setSessionCookie, deleteSessionCookie } from './session';
export { generateToken, hashToken } from './token';
export { normalizeEmail } from './email';
export { PASSWORD_MIN, PASSWORD_MAX, randomPassword } from './password';
export { USERS_PAGE_SIZE } from './users';
export { clientAddress, warnIfProxiedWithoutAddressHeader } from './client-address';
export * from './forms';

// Sessions.
export const createSession = bindDb(session.createSession);
export const validateSessionToken = bindDb(session.validateSessionToken);
export const invalidateSession = bindDb(session.invalidateSession);

// Accounts and the links sent by mail.
export const signUp = bindDb(accounts.signUp);
export const authenticate = bindDb(accounts.authenticate);
export const sendVerification = bindDb(accounts.sendVerification);
export const verifyEmail = bindDb(accounts.verifyEmail);
export const requestPasswordReset = bindDb(accounts.requestPasswordReset);
export const resetPassword = bindDb(accounts.resetPassword);
export const changePassword = bindDb(accounts.changePassword);
export const requestEmailChange = bindDb(accounts.requestEmailChange);
export const confirmEmailChange = bindDb(accounts.confirmEmailChange);
export const acceptInvite = bindDb(accounts.acceptInvite);
export const findLinkToken = bindDb(links.findLinkToken);

// Staff management of people (audited).
export const inviteUser = bindDb(accounts.inviteUser);
export const setUserRole = bindDb(accounts.setUserRole);
export const listUsers = bindDb(users.listUsers);
export const getUser = bindDb(users.getUser);
export const setPreferredLocale = bindDb(users.setPreferredLocale);

/** For the first start and the command line: an account with a known password. */
export { createUser } from './accounts';
