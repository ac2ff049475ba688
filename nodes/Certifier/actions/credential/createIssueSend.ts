import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { createProperties, readCreateBody } from '../../helpers/credential-input';
import { asOutput, includeGroupWanted, outputCredential } from '../../helpers/credential-output';
import { simplifyProperty } from '../../helpers/fields';
import { createdSince, writeOnce } from '../../helpers/reconcile';
import { createIssueSendSchema } from '../../schemas';
import type { CertifierClient } from '../../transport';

export const createIssueSend: Operation<CertifierClient> = {
	value: 'createIssueSend',
	name: 'Create, Issue and Send',
	action: 'Create, issue and send a credential',
	description: 'Create a credential, issue it and email it to the recipient in one call',
	properties: [...createProperties(true), simplifyProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential');
		const body = readCreateBody(params, createIssueSendSchema);
		// Looked up before the write: an unknown group then fails before anything is emailed.
		const withGroup = includeGroupWanted(params, true);
		if (withGroup) await client.groups.get(body.groupId, itemIndex);
		const startedAt = Date.now();
		const credential = await writeOnce(
			async () => await client.createIssueSend(body, itemIndex),
			createdSince(client, body, startedAt, itemIndex, true),
		);
		return asOutput(params, await outputCredential(client, credential, itemIndex, withGroup));
	}),
};
