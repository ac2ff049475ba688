import type { IssuerInput, RecipientInput } from '../../types';
import type { Ob3Input } from './ob3';

/** A Certifier credential as the Certifier node outputs it (optionally with its group). */
export interface CertifierCredentialItem {
	id: string;
	groupId: string;
	status?: string;
	recipient?: { id?: string | null; name?: string | null; email?: string | null };
	issueDate?: string | null;
	expiryDate?: string | null;
	group?: { id?: string; name?: string | null };
}

/** What the user adds to a Certifier credential: what Certifier does not know. */
export interface CertifierMappingInput {
	achievementType: string;
	issuer: IssuerInput;
	/** Overrides; "" takes Certifier's value. */
	achievementName: string;
	achievementDescription: string;
	achievementImageId: string;
	/** credentialSubject.id; "" takes the recipient id. */
	subjectId: string;
	recipientId: string;
}

/** Certifier dates are days (YYYY-MM-DD); VC dates are date-times: midnight UTC of that day. */
export function dayToDateTime(day: string | null | undefined): string {
	if (!day) return '';
	return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day;
}

/**
 * "Ada King Lovelace" → given "Ada", family "King Lovelace". Only pre-fills SmartResume's
 * sign-up form [doc: optional, "used to pre-populate"]; the user's own fields win.
 */
export function splitName(name: string | null | undefined): {
	givenName: string;
	familyName: string;
} {
	const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return { givenName: '', familyName: '' };
	return { givenName: words[0], familyName: words.slice(1).join(' ') };
}

/** The recipient Certifier knows, in SmartResume's fields; "" where Certifier has nothing. */
export function certifierRecipient(credential: CertifierCredentialItem): Partial<RecipientInput> {
	const recipient = credential.recipient ?? {};
	return {
		id: recipient.id ?? '',
		...splitName(recipient.name),
		email: recipient.email ?? '',
	};
}

/**
 * A Certifier credential as an OpenBadgeCredential, per shared/api/certifier.md: assertion id =
 * Certifier credential id, achievement id = group id, achievement name = group name, issuer =
 * the Certifier organisation (from the node, Certifier's credential does not carry it).
 * awardedDate and issuedOn keep Certifier's day as written; issuanceDate and expirationDate,
 * which verifiable-credential readers parse, become date-times.
 */
export function certifierToOb3(
	credential: CertifierCredentialItem,
	input: CertifierMappingInput,
): Ob3Input {
	const groupName = credential.group?.name ?? '';
	const achievementName = input.achievementName || groupName;
	return {
		id: credential.id,
		name: achievementName,
		dates: {
			awardedDate: credential.issueDate ?? '',
			activityEndDate: '',
			issuedOn: credential.issueDate ?? '',
			issuanceDate: dayToDateTime(credential.issueDate),
			expirationDate: dayToDateTime(credential.expiryDate),
		},
		subjectId: input.subjectId || input.recipientId,
		achievement: {
			id: credential.groupId,
			achievementType: input.achievementType,
			name: achievementName,
			description: input.achievementDescription,
			imageId: input.achievementImageId,
		},
		issuer: input.issuer,
	};
}
