import type { IDataObject } from 'n8n-workflow';
import { validateInput } from '../../common/validation';
import {
	SEEK_PASS_BATCH_KEYS,
	SEEK_PASS_CREDENTIAL_TYPES,
	type SeekPassCredentialType,
} from '../constants';
import { parseRedirectUri } from './redirect-uri';
import {
	batchJsonSchema,
	credentialIdFieldSchema,
	type BatchBody,
	type BatchItem,
} from '../schemas';
import { submissionIdFor } from './submission-id';
import { credentialWhat, validateCredential } from './fields';
import { documentValue } from './fields/document';
import { given, ItemParams } from '../../common/item-params';
import { readSubmissionIdInput } from './fields/submissionId';
import type { RedirectAnswer } from '../transport';

/** One credential of a batch, with the person it belongs to (who gets the batch's one link). */
export interface BatchEntry {
	type: SeekPassCredentialType;
	item: BatchItem;
	/** As the user gave it, for the output. */
	person: string;
	/** Normalised, for grouping. */
	personKey: string;
	itemIndex: number;
}

export const batchWhat = 'SEEK Pass batch credential';

function isCredentialType(value: unknown): value is SeekPassCredentialType {
	return (SEEK_PASS_CREDENTIAL_TYPES as readonly unknown[]).includes(value);
}

/** One input item = one credential; its fields come as JSON so that types can be mixed. */
export function readBatchEntry(params: ItemParams): BatchEntry {
	const type = params.raw<unknown>('batchCredentialType', 'education');
	if (!isCredentialType(type)) {
		params.fail('batchCredentialType', `must be one of ${SEEK_PASS_CREDENTIAL_TYPES.join(', ')}`);
	}
	const typed = new ItemParams(params.ctx, params.itemIndex, credentialWhat(type));
	const fields = typed.parse(typed.raw<unknown>('credentialFields', ''), 'credentialFields');
	if (
		fields === undefined ||
		fields === null ||
		typeof fields !== 'object' ||
		Array.isArray(fields)
	) {
		typed.fail('credentialFields', 'must be a JSON object of the credential’s fields');
	}
	const documentType = String(typed.raw<unknown>('batchDocumentType', 'none') ?? 'none');
	const prepared = validateCredential(typed, type, fields, {
		document_type: documentType,
		document: documentValue(typed, documentType, typed.raw<unknown>('batchDocument', '')),
	});
	const person = String(
		given(typed.raw<unknown>('personKey', '')) ?? prepared.credential.full_name,
	);
	const { credential_id } = validateInput(
		typed.ctx.getNode(),
		credentialIdFieldSchema,
		{ credential_id: submissionIdFor(readSubmissionIdInput(typed), type, prepared.credential) },
		typed.itemIndex,
		typed.what,
	);
	const item: BatchItem = {
		credential_id,
		fields: prepared.credential,
		document_type: prepared.document_type,
	};
	if (prepared.document !== undefined) item.document = prepared.document;
	return { type, item, person, personKey: normalizePerson(person), itemIndex: params.itemIndex };
}

export function normalizePerson(person: string): string {
	return person.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The v2 batch body of some entries (they belong to one person). */
export function batchBodyOf(entries: BatchEntry[]): BatchBody {
	const body: BatchBody = {};
	for (const entry of entries) {
		const { key, many } = SEEK_PASS_BATCH_KEYS[entry.type];
		if (many) ((body[key] ??= []) as BatchItem[]).push(entry.item);
		else body[key] = entry.item;
	}
	return body;
}

/**
 * Problems only a whole batch shows: SEEK Pass takes one digital identity per batch and unique
 * credential ids. Reported on the entry that breaks the rule.
 */
export function batchConflicts(
	entries: BatchEntry[],
): Array<{ entry: BatchEntry; field: string; problem: string }> {
	const conflicts: Array<{ entry: BatchEntry; field: string; problem: string }> = [];
	const ids = new Map<string, BatchEntry>();
	let identity: BatchEntry | undefined;
	for (const entry of entries) {
		// Checked first: two identities of one person also share a derived id, and this says why.
		if (entry.type === 'digital_identity' && identity) {
			conflicts.push({
				entry,
				field: 'batchCredentialType',
				problem: `a batch takes one digital identity; item ${identity.itemIndex} already gives one for this person`,
			});
			continue;
		}
		const earlier = ids.get(entry.item.credential_id);
		if (earlier) {
			conflicts.push({
				entry,
				field: 'credential_id',
				problem: `"${entry.item.credential_id}" is already used by item ${earlier.itemIndex} of the same batch (the same credential twice?)`,
			});
			continue;
		}
		ids.set(entry.item.credential_id, entry);
		if (entry.type === 'digital_identity') identity = entry;
	}
	return conflicts;
}

/** A whole batch body from one item's JSON, checked before it is sent. */
export function readBatchJson(params: ItemParams): BatchBody {
	const body = params.parse(params.raw<unknown>('batchJson', ''), 'batchJson');
	const valid = validateInput(
		params.ctx.getNode(),
		batchJsonSchema,
		body,
		params.itemIndex,
		'SEEK Pass batch',
	) as BatchBody;
	const credentials = credentialsOf(valid);
	if (credentials.length === 0) params.fail('batchJson', 'holds no credential item');
	const seen = new Set<string>();
	for (const { credentialId } of credentials) {
		if (seen.has(credentialId))
			params.fail('credential_id', `"${credentialId}" appears more than once`);
		seen.add(credentialId);
	}
	return valid;
}

/** The credential ids and types a batch body carries, in body order. */
export function credentialsOf(
	body: BatchBody,
): Array<{ credentialId: string; credentialType: string }> {
	const out: Array<{ credentialId: string; credentialType: string }> = [];
	for (const [key, value] of Object.entries(body)) {
		const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
		const type =
			SEEK_PASS_CREDENTIAL_TYPES.find((t) => SEEK_PASS_BATCH_KEYS[t].key === key) ??
			key.replace(/_items$/, '');
		for (const item of list as IDataObject[]) {
			if (typeof item?.credential_id === 'string')
				out.push({ credentialId: item.credential_id, credentialType: type });
		}
	}
	return out;
}

export function batchResult(answer: RedirectAnswer, body: BatchBody): IDataObject {
	const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
	const result: IDataObject = {
		redirectUri: link.redirectUri,
		contentId: link.contentId ?? null,
		clientId: link.clientId ?? null,
		credentials: credentialsOf(body),
	};
	if (Array.isArray(answer?.assets)) result.assets = answer.assets as IDataObject[];
	return result;
}
