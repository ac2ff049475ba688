import { createHash, randomUUID } from 'crypto';
import { SEEK_PASS_IDENTIFYING_FIELDS, type SeekPassCredentialType } from '../constants';

export type SubmissionIdMode = 'derive' | 'generate' | 'given';

/**
 * Namespace of the name-based (RFC 9562 version 5) UUIDs this package derives. Fixed forever:
 * changing it would give every credential a new id and break re-run idempotency.
 */
const NAMESPACE = '51d6c886-2057-4161-8aa9-ac9b98e2518e';

function withPrefix(prefix: string | undefined, uuid: string): string {
	const clean = (prefix ?? '').trim().replace(/-+$/, '');
	return clean ? `${clean}-${uuid}` : uuid;
}

/** `<prefix>-<random uuid>`, the guide's recommended shape; a new submission every run. */
export function randomSubmissionId(prefix?: string): string {
	return withPrefix(prefix, randomUUID());
}

/** Case, surrounding and repeated spaces do not make a different credential or person. */
function normalize(value: unknown): unknown {
	if (typeof value === 'string')
		return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	return null;
}

/**
 * The values that identify a credential to SEEK Pass (an update keeps them), plus the person.
 * Absent optional values read as their natural empty value so that "not given" and "false" or
 * "no majors" identify the same credential.
 */
export function identityOf(
	type: SeekPassCredentialType,
	credential: Record<string, unknown>,
	person: string | undefined,
): unknown[] {
	const fields = SEEK_PASS_IDENTIFYING_FIELDS[type].map((field) => {
		const value = credential[field];
		if (field === 'majors') {
			const majors = Array.isArray(value) ? value.map(normalize) : [];
			return [field, majors.map(String).sort()];
		}
		if (field === 'with_honours') return [field, value === true];
		if (field === 'conferral_year')
			return [field, value === undefined ? '' : String(normalize(value))];
		return [field, normalize(value)];
	});
	const who = person !== undefined && person.trim() !== '' ? person : credential.full_name;
	return [type, normalize(who), fields];
}

/** RFC 9562 version 5: SHA-1 of namespace and name, with the version and variant bits set. */
export function uuidV5(name: string, namespaceUuid = NAMESPACE): string {
	const namespace = Buffer.from(namespaceUuid.replace(/-/g, ''), 'hex');
	const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The same credential of the same person always gets the same id, so a re-run within SEEK Pass's
 * 48-hour window returns the link already made instead of creating a second submission.
 */
export function derivedSubmissionId(
	type: SeekPassCredentialType,
	credential: Record<string, unknown>,
	person: string | undefined,
	prefix?: string,
): string {
	return withPrefix(prefix, uuidV5(JSON.stringify(identityOf(type, credential, person))));
}

export interface SubmissionIdInput {
	mode: SubmissionIdMode;
	given?: string;
	prefix?: string;
	person?: string;
}

export function submissionIdFor(
	input: SubmissionIdInput,
	type: SeekPassCredentialType,
	credential: Record<string, unknown>,
): string {
	if (input.mode === 'given') return (input.given ?? '').trim();
	if (input.mode === 'generate') return randomSubmissionId(input.prefix);
	return derivedSubmissionId(type, credential, input.person, input.prefix);
}
