import type { Operation } from '../../../common/operation';
import { credentialIdField } from '../../descriptions';
import { stringParam } from '../../params';
import { perCertifierItem, requireId } from '../item';

export const issue: Operation = {
	value: 'issue',
	name: 'Issue',
	action: 'Issue a credential',
	description: 'Issue a draft credential, making it active in the digital wallet',
	properties: [credentialIdField],
	execute: perCertifierItem(async (c, itemIndex) => {
		const id = requireId(
			c,
			stringParam(c.ctx, 'credentialId', itemIndex),
			itemIndex,
			'credential ID',
		);
		return { ...(await c.certifier.issueCredential(id, itemIndex)) };
	}),
};
