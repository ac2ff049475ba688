import type { Operation } from '../../../common/operation';
import { createCredentialSchema } from '../../schemas';
import { includeGroupWanted, outputCredential, perCertifierItem } from '../item';
import { createProperties, readCreateBody } from './input';

export const create: Operation = {
	value: 'create',
	name: 'Create Draft',
	action: 'Create a draft credential',
	description: 'Create a credential in draft status; issue and send it later',
	properties: createProperties(false),
	execute: perCertifierItem(async (c, itemIndex) => {
		const body = readCreateBody(c, itemIndex, createCredentialSchema);
		// Looked up before the write: an unknown group then fails without leaving a draft behind.
		const withGroup = includeGroupWanted(c, itemIndex, false);
		if (withGroup) await c.groups.get(body.groupId, itemIndex);
		const credential = await c.certifier.createCredential(body, itemIndex);
		return await outputCredential(c, credential, itemIndex, withGroup);
	}),
};
