import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { groupLocator } from '../../descriptions';
import { groupBody } from '../../mapping';
import { locatorValue } from '../../params';
import { updateGroupSchema } from '../../schemas';
import { perCertifierItem, requireId } from '../item';
import { designIdList, optionalString } from './input';

export const updateGroup: Operation = {
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
	execute: perCertifierItem(async (c, itemIndex) => {
		const id = requireId(c, locatorValue(c.ctx, 'group', itemIndex), itemIndex, 'group');
		const fields = c.ctx.getNodeParameter('updateFields', itemIndex, {}) as Record<string, unknown>;
		const body = groupBody({
			name: optionalString(fields, 'name'),
			designIds: 'designIds' in fields ? designIdList(fields.designIds) : undefined,
			learningEventUrl: optionalString(fields, 'learningEventUrl'),
		});
		const valid = validateInput(
			c.ctx.getNode(),
			updateGroupSchema,
			body,
			itemIndex,
			'group update',
		);
		return { ...(await c.certifier.updateGroup(id, valid, itemIndex)) };
	}),
};
