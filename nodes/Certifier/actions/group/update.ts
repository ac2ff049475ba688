import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { groupLocator } from '../../helpers/fields';
import { designIdList, optionalString } from '../../helpers/group-input';
import { groupBody } from '../../helpers/mapping';
import { updateGroupSchema } from '../../schemas';
import type { CertifierClient } from '../../transport';

export const update: Operation<CertifierClient> = {
	value: 'update',
	name: 'Update',
	action: 'Update a group',
	description: "Change a group's name, designs or learning event URL",
	properties: [
		groupLocator('The group to update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Badge Design ID (Deprecated)',
					name: 'badgeDesignId',
					type: 'string',
					default: '',
					description:
						'Only for groups still on the legacy design fields; cannot be combined with Design Names or IDs',
				},
				{
					displayName: 'Certificate Design ID (Deprecated)',
					name: 'certificateDesignId',
					type: 'string',
					default: '',
					description:
						'Only for groups still on the legacy design fields; cannot be combined with Design Names or IDs',
				},
				{
					displayName: 'Design Names or IDs',
					name: 'designIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getDesigns' },
					default: [],
					description:
						'Replaces the designs of the group. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Learning Event URL',
					name: 'learningEventUrl',
					type: 'string',
					default: '',
					placeholder: 'https://example.org/course',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description:
						'Changes the name on every credential of the group, already issued ones included',
				},
			],
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'group update');
		const id = params.id('group', 'group');
		const fields = params.collection('updateFields');
		const body = groupBody({
			name: optionalString(fields, 'name'),
			designIds: 'designIds' in fields ? designIdList(fields.designIds) : undefined,
			learningEventUrl: optionalString(fields, 'learningEventUrl'),
			certificateDesignId: fields.certificateDesignId,
			badgeDesignId: fields.badgeDesignId,
		});
		const valid = params.validate(updateGroupSchema, body);
		return { ...(await client.updateGroup(id, valid, itemIndex)) };
	}),
};
