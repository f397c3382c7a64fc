import { m } from '$lib/paraglide/messages';

/** Each kind's name in the page's language: one message per kind, looked up when shown (not once at import). */
const KIND_MESSAGES: Record<string, () => string> = {
	msp: m.pub_kind_msp,
	review_conference: m.pub_kind_review_conference,
	intersessional: m.pub_kind_intersessional,
	coordination_committee: m.pub_kind_coordination_committee,
	preparatory_meeting: m.pub_kind_preparatory_meeting,
	workshop: m.pub_kind_workshop,
	informal: m.pub_kind_informal,
	diplomatic_conference: m.pub_kind_diplomatic_conference,
	signing_conference: m.pub_kind_signing_conference
};

/** A kind's name in the page's language; an unknown kind shows its code. */
export function meetingKindLabel(kind: string): string {
	return Object.hasOwn(KIND_MESSAGES, kind) ? KIND_MESSAGES[kind]() : kind;
}

/**
 * Kind → name, read when enumerated: each value is a getter, so `Object.entries(MEETING_KIND_LABELS)` in a page
 * gives the names in that page's language.
 */
export const MEETING_KIND_LABELS: Record<string, string> = Object.defineProperties(
	{},
	Object.fromEntries(Object.keys(KIND_MESSAGES).map((kind) => [kind, { enumerable: true, get: () => meetingKindLabel(kind) }]))
);
