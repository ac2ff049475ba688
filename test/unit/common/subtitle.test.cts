// What the canvas shows under each action node: the operation's action, as the nodes panel
// names it. Evaluated by n8n's own expression engine, as the editor does.
import { Workflow, type INodeType, type INodeTypes } from 'n8n-workflow';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { SmartResume } from '../../../nodes/SmartResume/SmartResume.node';

function subtitle(type: INodeType, parameters: Record<string, string>): unknown {
	const node = {
		id: 'n1',
		name: 'Node',
		type: 'x',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
	};
	const nodeTypes = {
		getByName: () => type,
		getByNameAndVersion: () => type,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		type.description.subtitle as string,
		'internal',
		{},
	);
}

describe('canvas subtitles', () => {
	it('name the chosen action in words, not its raw values', () => {
		expect(
			subtitle(new Certifier(), { resource: 'credential', operation: 'createIssueSend' }),
		).toBe('Create, issue and send a credential');
		expect(subtitle(new SmartResume(), { resource: 'credential', operation: 'push' })).toBe(
			'Push credentials to SmartResume',
		);
		expect(subtitle(new SeekPass(), { resource: 'submission', operation: 'getStatuses' })).toBe(
			'Get the statuses of many submissions',
		);
	});

	it('has a line for every resource and operation the node offers', () => {
		for (const type of [new Certifier(), new SmartResume(), new SeekPass()]) {
			for (const property of type.description.properties.filter((p) => p.name === 'operation')) {
				const resource = (property.displayOptions?.show?.resource as string[])[0];
				for (const option of property.options as Array<{ value: string; action: string }>) {
					expect(subtitle(type, { resource, operation: option.value })).toBe(option.action);
				}
			}
		}
	});
});
