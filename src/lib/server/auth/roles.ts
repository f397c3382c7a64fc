import type { Role } from '../db';

export const ROLE_LABELS: Record<Role, string> = {
	staff: 'ISU staff',
	cc_member: 'Coordination Committee member',
	focal_point: 'focal point',
	delegate: 'delegate'
};
