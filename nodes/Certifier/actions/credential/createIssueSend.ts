import type { Operation } from '../../../common/operation';
import { createIssueSendSchema } from '../../schemas';
import { includeGroupWanted, outputCredential, perCertifierItem } from '../item';
import { createProperties, readCreateBody } from './input';

export const createIssueSend: Operation = {
	value: 'createIssueSend',
	name: 'Create, Issue and Send',
	action: 'Create, issue and send a credential',
	description: 'Create a credential, issue it and email it to the recipient in one call',
	properties: createProperties(true),
	execute: perCertifierItem(async (c, itemIndex) => {
		const body = readCreateBody(c, itemIndex, createIssueSendSchema);
		// Looked up before the write: an unknown group then fails before anything is emailed.
		const withGroup = includeGroupWanted(c, itemIndex, true);
		if (withGroup) await c.groups.get(body.groupId, itemIndex);
		const credential = await c.certifier.createIssueSend(body, itemIndex);
		return await outputCredential(c, credential, itemIndex, withGroup);
	}),
};
