export const MEETING_KIND_LABELS: Record<string, string> = {
	msp: 'Meeting of States Parties',
	review_conference: 'Review Conference',
	intersessional: 'Intersessional meeting',
	coordination_committee: 'Coordination Committee',
	preparatory_meeting: 'Preparatory meeting',
	workshop: 'Workshop',
	informal: 'Informal meeting',
	diplomatic_conference: 'Diplomatic conference',
	signing_conference: 'Signing conference'
};
