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
