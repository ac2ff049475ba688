import type { IDataObject } from 'n8n-workflow';
import type { ItemParams } from '../../common/item-params';
import type { CertifierClient, CertifierCredential } from '../transport';
import { credentialItem } from './mapping';

/** The "Include Group" option of the operation's Options collection. */
export function includeGroupWanted(params: ItemParams, defaultValue: boolean): boolean {
	return params.raw<boolean>('options.includeGroup', defaultValue);
}

/** The credential as output, with its group (fetched once per run) when asked for. */
export async function outputCredential(
	client: CertifierClient,
	credential: CertifierCredential,
	itemIndex: number,
	withGroup: boolean,
): Promise<IDataObject> {
	if (!withGroup || !credential?.groupId) return credentialItem(credential);
	return credentialItem(credential, await client.groups.get(credential.groupId, itemIndex));
}

/**
 * What Simplify keeps of a credential: who, which group, its state and dates, its own attributes
 * (enough to map it onward, e.g. to Open Badges). Left out: the rendered built-in attributes and
 * the record's timestamps.
 */
const SIMPLIFIED_FIELDS = [
	'id',
	'publicId',
	'status',
	'recipient',
	'groupId',
	'group',
	'issueDate',
	'expiryDate',
	'customAttributes',
] as const;

export function simplifyCredential(credential: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const field of SIMPLIFIED_FIELDS) {
		if (field in credential) out[field] = credential[field];
	}
	return out;
}

/** The Simplify switch; off where the node version does not show it (version 1). */
export function simplifyWanted(params: ItemParams): boolean {
	return params.raw<boolean>('simplify', false);
}

/** A credential as the item's output: simplified when the user asked for it. */
export function asOutput(params: ItemParams, credential: IDataObject): IDataObject {
	return simplifyWanted(params) ? simplifyCredential(credential) : credential;
}
