// SkillSync: skills ride in a "carrier" OB3 credential (achievementType SkillsAndAbilities)
// whose achievement.alignment entries are the skills; the carrier is not imported itself.
import { SKILL_CARRIER_TYPE, SKILL_FIELDS } from './constants.cjs';
import { imsxError } from './imsx.cjs';
import { type Ob3Credential, parse, skillAlignment } from './schemas.cjs';

export interface Skill {
	name: string;
	description: string | null;
	framework: string | null;
	level: string | null;
	category: string | null;
	/** Kept for verified skills only ([doc] "For verified skills only"). */
	evidenceUrl: string | null;
	/** [doc] A carrier with proof makes its skills verified (not editable by the holder). */
	verified: boolean;
	carrierId: string;
	issuerId: string;
}

export function isSkillCarrier(c: Ob3Credential): boolean {
	return c.credentialSubject.achievement.achievementType === SKILL_CARRIER_TYPE;
}

function hasProof(c: Ob3Credential): boolean {
	return Array.isArray(c.proof) ? c.proof.length > 0 : c.proof !== undefined;
}

/** `path` locates the carrier in the request, e.g. credentials[0]. */
export function carrierSkills(c: Ob3Credential, path: string): Skill[] {
	const alignmentPath = `${path}.credentialSubject.achievement.alignment`;
	const alignment = c.credentialSubject.achievement.alignment;
	if (!alignment || alignment.length === 0) {
		throw imsxError(
			400,
			`${alignmentPath}: a ${SKILL_CARRIER_TYPE} carrier must list at least one skill`,
			alignmentPath,
		);
	}
	const verified = hasProof(c);
	return alignment.map((entry, i) => {
		const a = parse(skillAlignment, entry, `${alignmentPath}[${i}]`);
		const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
		return {
			name: a.targetName,
			description: text(a.targetDescription),
			framework: text(a.targetFramework),
			level: text(a[SKILL_FIELDS.level]),
			category: text(a[SKILL_FIELDS.category]),
			evidenceUrl: verified ? text(a[SKILL_FIELDS.evidenceUrl]) : null,
			verified,
			carrierId: c.id,
			issuerId: c.issuer.id,
		};
	});
}
