import type { IDataObject } from 'n8n-workflow';
import {
	ACHIEVEMENT_SUBJECT_TYPE,
	OB3_CONTEXT,
	OB3_TYPE,
	SKILL_ACHIEVEMENT_CLASS,
	SKILL_ALIGNMENT_TYPE,
	SKILL_CARRIER_TYPE,
	SKILL_FIELDS,
	SKILL_TARGET_TYPE,
	VC_TYPE,
	type SKILL_CATEGORIES,
	type SKILL_LEVELS,
} from '../../constants';
import type { CredentialJson } from '../../types';

export interface SkillInput {
	/** At most 40 characters [doc]. */
	name: string;
	description: string;
	level: (typeof SKILL_LEVELS)[number] | '';
	category: (typeof SKILL_CATEGORIES)[number] | '';
	/** Verified skills travel in a carrier with a proof; the holder cannot edit them [doc]. */
	verified: boolean;
	/** Verified skills only [doc]. */
	evidenceUrl: string;
	/** targetFramework, e.g. "INSTX"; "" for the carrier's default. */
	framework: string;
}

export interface CarrierInput {
	/** Id of the carrier holding verified skills (the one with the proof). */
	verifiedId: string;
	/** Id of the carrier holding self-asserted skills. */
	selfAssertedId: string;
	achievementId: string;
	name: string;
	achievementName: string;
	/** "" leaves awardedDate out. */
	awardedDate: string;
	narrative: string;
	/** "" leaves credentialSubject.id out, as in the vendor's example. */
	subjectId: string;
	issuer: { id: string; name: string };
	/** targetFramework of skills that name none; "" for none. */
	framework: string;
	/** The proof a signing service produced for the verified carrier; this node does not sign. */
	proof: IDataObject | IDataObject[] | undefined;
}

/** One skill as an Alignment entry; level, category and evidence placed per SKILL_FIELDS. */
export function skillAlignment(skill: SkillInput, defaultFramework: string): IDataObject {
	const framework = skill.framework || defaultFramework;
	const entry: IDataObject = { type: SKILL_ALIGNMENT_TYPE };
	if (framework) entry.targetFramework = framework;
	entry.targetName = skill.name;
	entry.targetType = SKILL_TARGET_TYPE;
	if (skill.description) entry.targetDescription = skill.description;
	if (skill.level) entry[SKILL_FIELDS.level] = skill.level;
	if (skill.category) entry[SKILL_FIELDS.category] = skill.category;
	if (skill.verified && skill.evidenceUrl) entry[SKILL_FIELDS.evidenceUrl] = skill.evidenceUrl;
	return entry;
}

function carrier(
	input: CarrierInput,
	id: string,
	skills: SkillInput[],
	proof: CarrierInput['proof'],
): CredentialJson {
	const subject: IDataObject = {};
	if (input.subjectId) subject.id = input.subjectId;
	subject.achievement = {
		achievementType: SKILL_CARRIER_TYPE,
		criteria: { narrative: input.narrative },
		id: input.achievementId,
		name: input.achievementName,
		type: SKILL_ACHIEVEMENT_CLASS,
		alignment: skills.map((s) => skillAlignment(s, input.framework)),
	};
	subject.type = [ACHIEVEMENT_SUBJECT_TYPE];
	const credential: CredentialJson = { '@context': [...OB3_CONTEXT] };
	if (input.awardedDate) credential.awardedDate = input.awardedDate;
	Object.assign(credential, {
		credentialSubject: subject,
		id,
		issuer: { id: input.issuer.id, name: input.issuer.name },
		name: input.name,
		type: [VC_TYPE, OB3_TYPE],
	});
	if (proof !== undefined) credential.proof = proof;
	return credential;
}

/**
 * The SkillSync carrier credentials, laid out as the vendor's example. Verification belongs to
 * a carrier (a proof makes all its skills verified [doc]), so verified and self-asserted skills
 * go into two carriers, each with its own stable id; a list of one kind gives one carrier.
 */
export function buildSkillCarriers(input: CarrierInput, skills: SkillInput[]): CredentialJson[] {
	const verified = skills.filter((s) => s.verified);
	const selfAsserted = skills.filter((s) => !s.verified);
	const carriers: CredentialJson[] = [];
	if (verified.length > 0) carriers.push(carrier(input, input.verifiedId, verified, input.proof));
	if (selfAsserted.length > 0)
		carriers.push(carrier(input, input.selfAssertedId, selfAsserted, undefined));
	return carriers;
}
