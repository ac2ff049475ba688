import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { createProperties, readCreateBody } from '../../helpers/credential-input';
import { asOutput, includeGroupWanted, outputCredential } from '../../helpers/credential-output';
import { simplifyProperty } from '../../helpers/fields';
import { createdSince, writeOnce } from '../../helpers/reconcile';
import { createCredentialSchema } from '../../schemas';
import type { CertifierClient } from '../../transport';

export const create: Operation<CertifierClient> = {
	value: 'create',
	name: 'Create Draft',
	action: 'Create a draft credential',
	description: 'Create a credential in draft status; issue and send it later',
	properties: [...createProperties(false), simplifyProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential');
		const body = readCreateBody(params, createCredentialSchema);
		// Looked up before the write: an unknown group then fails without leaving a draft behind.
		const withGroup = includeGroupWanted(params, false);
		if (withGroup) await client.groups.get(body.groupId, itemIndex);
		const startedAt = Date.now();
		const credential = await writeOnce(
			async () => await client.createCredential(body, itemIndex),
			createdSince(client, body, startedAt, itemIndex, false),
		);
		return asOutput(params, await outputCredential(client, credential, itemIndex, withGroup));
	}),
};
