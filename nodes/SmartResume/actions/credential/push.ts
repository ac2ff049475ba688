import type { Operation } from '../../../common/operation';
import { SmartResumeClient } from '../../transport';
import { ItemParams } from '../params';
import { runGrouped } from '../../../common/items/legacy';
import { groupBody, pushConflicts, recipientKey } from '../../helpers/push-group';
import { pushProperties } from './properties';
import { PUSH_WHAT, readPushEntry, type PushEntry } from '../../helpers/push-entry';

export const push: Operation = {
	value: 'push',
	name: 'Push',
	action: 'Push credentials to SmartResume',
	description: 'Upload credentials for a person and get the link they open to claim them on SmartResume',
	properties: pushProperties,
	execute: async (op) => {
		const client = new SmartResumeClient(op.client);
		const grouped = op.ctx.getNodeParameter('groupByRecipient', 0, false) as boolean;
		return await runGrouped<PushEntry>(op, {
			prepare: (itemIndex) => readPushEntry(new ItemParams(op.ctx, itemIndex, PUSH_WHAT)),
			groupKey: grouped ? recipientKey : undefined,
			conflicts: (group) => pushConflicts(op.ctx.getNode(), group),
			send: async (group) => {
				const link = await client.push(groupBody(group), group[0].itemIndex);
				return group.map((entry) => ({
					...link,
					recipientId: entry.recipient.id || null,
					assertionIds: entry.credentials.map((c) => c.id as string),
					itemsInRequest: group.length,
				}));
			},
		});
	},
};
