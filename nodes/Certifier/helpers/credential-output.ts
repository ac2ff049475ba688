import type { IDataObject } from 'n8n-workflow';
import { type Operation, type OperationContext } from '../../common/operation';
import { perItem } from '../../common/items/legacy';
import type { ItemResult } from '../../common/items/legacy';
import { validateInput } from '../../common/validation';
import { CertifierClient } from '../client';
import { GroupCache } from '../group-cache';
import { credentialItem } from '../mapping';
import { idSchema } from '../schemas';
import type { CertifierCredential } from '../types';

/** What a Certifier operation works with for one execution. */
export interface CertifierContext extends OperationContext {
	certifier: CertifierClient;
	/** Groups fetched once per execution, for the "Include Group" option. */
	groups: GroupCache;
}

export function certifierContext(op: OperationContext): CertifierContext {
	const certifier = new CertifierClient(op.client);
	return { ...op, certifier, groups: new GroupCache(certifier) };
}

/** The shared per-item loop, with the Certifier client and group cache built once per execution. */
export function perCertifierItem(
	handler: (c: CertifierContext, itemIndex: number) => Promise<ItemResult>,
): Operation['execute'] {
	return async (op) => {
		const c = certifierContext(op);
		return await perItem((_, itemIndex) => handler(c, itemIndex))(op);
	};
}

/** A required id field, checked before any request. */
export function requireId(
	c: CertifierContext,
	value: string,
	itemIndex: number,
	field: string,
): string {
	return validateInput(c.ctx.getNode(), idSchema, value, itemIndex, field);
}

/** The "Include Group" option of the operation's Options collection. */
export function includeGroupWanted(
	c: CertifierContext,
	itemIndex: number,
	defaultValue: boolean,
): boolean {
	return c.ctx.getNodeParameter('options.includeGroup', itemIndex, defaultValue) as boolean;
}

/** The credential as output, with its group when asked for. */
export async function outputCredential(
	c: CertifierContext,
	credential: CertifierCredential,
	itemIndex: number,
	withGroup: boolean,
): Promise<IDataObject> {
	if (!withGroup || !credential?.groupId) return credentialItem(credential);
	return credentialItem(credential, await c.groups.get(credential.groupId, itemIndex));
}
