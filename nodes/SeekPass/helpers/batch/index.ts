import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { given, ItemParams } from '../../../common/item-params';
import type { Entry } from '../../../common/items';
import {
	SEEK_PASS_BATCH_KEYS,
	SEEK_PASS_CREDENTIAL_TYPES,
	type SeekPassCredentialType,
} from '../../constants';
import { credentialIdFieldSchema, type CredentialFields } from '../../schemas';
import type { V2Answer, RedirectAnswer } from '../../transport';
import {
	assetsBody,
	planAssets,
	readAssets,
	type AssetOutcome,
	type PlannedAsset,
} from '../assets';
import { credentialWhat, isV1Type, readCredential } from '../fields';
import { readSubmissionIdInput } from '../fields/submissionId';
import { parseRedirectUri } from '../redirect-uri';
import { addScopes, checkScopes } from '../scopes';
import { submissionIdFor } from '../submission-id';
import { readBatchIdInput, type BatchIdInput } from './id';
import { BATCH_TYPE_PARAMETER } from './properties';
import type { BatchV1Body, BatchV1Item, BatchV2Body, BatchV2Item, PartnerChain } from './schema';

export type ApiVersion = 'v1' | 'v2';

export const batchWhat = 'SEEK Pass batch credential';

/** The node's API version (parameter `apiVersion`); v2 where the node has no such parameter. */
export function apiVersionOf(ctx: IExecuteFunctions): ApiVersion {
	return ctx.getNodeParameter('apiVersion', 0, 'v2') === 'v1' ? 'v1' : 'v2';
}

/** One credential of a batch, read from one input item's editor fields. */
export interface BatchEntry extends Entry {
	type: SeekPassCredentialType;
	credentialId: string;
	fields: CredentialFields;
	/** The partner chain the fields reader keeps outside the fields (digital identity, career history). */
	partnerChain?: PartnerChain;
	/** v2 only. */
	assets: PlannedAsset[];
	/** As the user gave it, for the output. */
	person: string;
	/** Normalised, for grouping. */
	personKey: string;
	batchId: BatchIdInput;
}

function isCredentialType(value: unknown): value is SeekPassCredentialType {
	return (SEEK_PASS_CREDENTIAL_TYPES as readonly unknown[]).includes(value);
}

export function normalizePerson(person: string): string {
	return person.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One input item = one credential, its fields read like Add reads them; checked before sending. */
export function readBatchEntry(
	params: ItemParams,
	version: ApiVersion,
	granted: Set<string> | undefined,
): BatchEntry {
	const type = params.raw<unknown>(BATCH_TYPE_PARAMETER, 'education');
	if (!isCredentialType(type)) {
		params.fail(BATCH_TYPE_PARAMETER, `must be one of ${SEEK_PASS_CREDENTIAL_TYPES.join(', ')}`);
	}
	if (version === 'v1' && !isV1Type(type)) {
		params.fail(BATCH_TYPE_PARAMETER, `${type} exists only in API v2; a v1 batch cannot carry it`);
	}
	const typed = new ItemParams(params.ctx, params.itemIndex, credentialWhat(type));
	const batchId = readBatchIdInput(typed);
	const idInput = readSubmissionIdInput(typed);
	const prepared = readCredential(typed, type, version);
	// A batch token needs every scope its types need: each item checks its own.
	checkScopes(typed, addScopes([type]), granted);
	const assets = version === 'v2' ? readAssets(typed, type) : [];
	const person = String(
		given(typed.raw<unknown>('personKey', '')) ?? prepared.credential.full_name,
	);
	const { credential_id: credentialId } = typed.validate(credentialIdFieldSchema, {
		credential_id: submissionIdFor(idInput, type, prepared.credential),
	});
	// Set only where this version keeps the chain outside the fields (SEEK_PASS_PARTNER_CHAIN_OUTSIDE).
	const partnerChain = prepared.partner_chain as PartnerChain | undefined;
	return {
		itemIndex: params.itemIndex,
		type,
		credentialId,
		fields: prepared.credential,
		...(partnerChain ? { partnerChain } : {}),
		assets: planAssets(assets, credentialId),
		person,
		personKey: normalizePerson(person),
		batchId,
	};
}

/**
 * Problems only a whole batch shows, reported on the entry that breaks the rule: one digital
 * identity and one career history per v2 batch (single-object keys), unique credential ids, and
 * one batch id for the items of one person.
 */
export function batchConflicts(
	entries: BatchEntry[],
	version: ApiVersion,
): Array<{ entry: BatchEntry; field: string; problem: string }> {
	const conflicts: Array<{ entry: BatchEntry; field: string; problem: string }> = [];
	const ids = new Map<string, BatchEntry>();
	const single = new Map<string, BatchEntry>();
	const first = entries[0];
	for (const entry of entries) {
		const earlierOfType = single.get(entry.type);
		// Checked first: two identities of one person also share a derived id, and this says why.
		if (version === 'v2' && earlierOfType) {
			conflicts.push({
				entry,
				field: BATCH_TYPE_PARAMETER,
				problem: `a batch takes one ${entry.type.replace(/_/g, ' ')}; item ${earlierOfType.itemIndex} already gives one for this person`,
			});
			continue;
		}
		const earlier = ids.get(entry.credentialId);
		if (earlier) {
			conflicts.push({
				entry,
				field: 'credential_id',
				problem: `"${entry.credentialId}" is already used by item ${earlier.itemIndex} of the same batch (the same credential twice?)`,
			});
			continue;
		}
		if (entry.batchId.mode !== first.batchId.mode || entry.batchId.given !== first.batchId.given) {
			conflicts.push({
				entry,
				field: 'batchId',
				problem: `differs from item ${first.itemIndex}, which is in the same batch (same person)`,
			});
			continue;
		}
		ids.set(entry.credentialId, entry);
		if (!SEEK_PASS_BATCH_KEYS[entry.type].many) single.set(entry.type, entry);
	}
	return conflicts;
}

/** The v2 body (§6.2): items under their type's key; single-object keys hold one item. */
export function batchV2Body(batchId: string, entries: BatchEntry[]): BatchV2Body {
	const body: BatchV2Body = { credential_id: batchId };
	for (const entry of entries) {
		const item: BatchV2Item = { credential_id: entry.credentialId, fields: entry.fields };
		const assets = assetsBody(entry.assets);
		if (assets) item.assets = assets;
		if (entry.partnerChain) item.partner_chain = entry.partnerChain;
		const { key, many } = SEEK_PASS_BATCH_KEYS[entry.type];
		if (many) ((body[key] ??= []) as BatchV2Item[]).push(item);
		else body[key] = item;
	}
	return body;
}

/** The v1 body (§6.1): `{id, credentials: [{id, credential_type, data: {credential}}]}`. */
export function batchV1Body(batchId: string, entries: BatchEntry[]): BatchV1Body {
	return {
		id: batchId,
		credentials: entries.map((entry): BatchV1Item => {
			const data: BatchV1Item['data'] = { credential: entry.fields };
			if (entry.partnerChain) data.partner_chain = entry.partnerChain;
			return { id: entry.credentialId, credential_type: entry.type, data };
		}),
	};
}

/** The batch body of an API version: v1 §6.1 or v2 §6.2. */
export function batchBodyOf(version: 'v1', batchId: string, entries: BatchEntry[]): BatchV1Body;
export function batchBodyOf(version: 'v2', batchId: string, entries: BatchEntry[]): BatchV2Body;
export function batchBodyOf(
	version: ApiVersion,
	batchId: string,
	entries: BatchEntry[],
): BatchV1Body | BatchV2Body {
	return version === 'v1' ? batchV1Body(batchId, entries) : batchV2Body(batchId, entries);
}

/** The credential ids and types a batch body carries, in body order. */
export function credentialsOf(
	body: BatchV2Body | BatchV1Body,
): Array<{ credentialId: string; credentialType: string }> {
	if ('credentials' in body && Array.isArray(body.credentials)) {
		return (body as BatchV1Body).credentials.map((c) => ({
			credentialId: c.id,
			credentialType: c.credential_type,
		}));
	}
	const out: Array<{ credentialId: string; credentialType: string }> = [];
	for (const type of SEEK_PASS_CREDENTIAL_TYPES) {
		const value = (body as Record<string, unknown>)[SEEK_PASS_BATCH_KEYS[type].key];
		const list = (Array.isArray(value) ? value : value ? [value] : []) as BatchV2Item[];
		for (const item of list) out.push({ credentialId: item.credential_id, credentialType: type });
	}
	return out;
}

/** The link of an answer, as the output shows it. */
export function linkOf(answer: RedirectAnswer | V2Answer): IDataObject {
	const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
	return {
		redirectUri: link.redirectUri,
		contentId: link.contentId ?? null,
		clientId: link.clientId ?? null,
	};
}

/** Each credential of a batch with what became of its attachments. */
export function credentialsWithAssets(
	entries: BatchEntry[],
	outcomes: Map<string, AssetOutcome[]>,
): IDataObject[] {
	return entries.map((entry) => ({
		credentialId: entry.credentialId,
		credentialType: entry.type,
		assets: outcomes.get(entry.credentialId) ?? [],
	}));
}
