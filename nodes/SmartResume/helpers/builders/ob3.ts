import { ACHIEVEMENT_SUBJECT_TYPE, OB3_CONTEXT, OB3_TYPE, VC_TYPE } from '../../constants';
import type { CredentialJson, IssuerInput } from '../../types';

export interface Ob3Dates {
	awardedDate: string;
	activityEndDate: string;
	issuedOn: string;
	issuanceDate: string;
	expirationDate: string;
}

export const OB3_DATE_KEYS: ReadonlyArray<keyof Ob3Dates> = [
	'awardedDate',
	'activityEndDate',
	'issuedOn',
	'issuanceDate',
	'expirationDate',
];

export interface Ob3Input {
	/** The assertion id: unique and stable per award. */
	id: string;
	name: string;
	dates: Ob3Dates;
	/** credentialSubject.id: who the award is about. */
	subjectId: string;
	achievement: {
		/** The same for every award of this achievement. */
		id: string;
		achievementType: string;
		name: string;
		description: string;
		imageId: string;
	};
	issuer: IssuerInput;
}

/** The issuer object of the vendor's push template: every key present, "" where not given. */
export function ob3Issuer(issuer: IssuerInput): CredentialJson {
	return {
		id: issuer.id,
		name: issuer.name,
		email: issuer.email,
		url: issuer.url,
		image: { id: issuer.imageId },
		description: issuer.description,
	};
}

/**
 * An OpenBadgeCredential exactly as the vendor's push template lays it out. Every key of the
 * template is sent, "" where the user gave nothing, because that is the shape SmartResume
 * documents and tests against; its dates are free text ("Spring 2023" in the vendor's example).
 */
export function buildOb3(input: Ob3Input): CredentialJson {
	const { achievement } = input;
	return {
		'@context': [...OB3_CONTEXT],
		id: input.id,
		type: [VC_TYPE, OB3_TYPE],
		name: input.name,
		awardedDate: input.dates.awardedDate,
		activityEndDate: input.dates.activityEndDate,
		issuedOn: input.dates.issuedOn,
		issuanceDate: input.dates.issuanceDate,
		expirationDate: input.dates.expirationDate,
		credentialSubject: {
			id: input.subjectId,
			type: [ACHIEVEMENT_SUBJECT_TYPE],
			achievement: {
				id: achievement.id,
				achievementType: achievement.achievementType,
				name: achievement.name,
				description: achievement.description,
				image: { id: achievement.imageId },
			},
		},
		issuer: ob3Issuer(input.issuer),
	};
}
