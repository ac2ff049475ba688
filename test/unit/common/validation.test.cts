import { NodeOperationError, type INode } from 'n8n-workflow';
import { z } from 'zod';
import { validateInput } from '../../../nodes/common/validation';

const node: INode = {
	id: '1',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const schema = z.object({ id: z.string().min(1, 'is required') }).passthrough();

describe('validateInput', () => {
	it('returns the parsed value when it is valid JSON data', () => {
		expect(
			validateInput(node, schema, { id: 'a', extra: [1, { b: null }] }, 3, 'recipient'),
		).toEqual({ id: 'a', extra: [1, { b: null }] });
	});

	it('names the item and the field the schema refuses', () => {
		const run = () => validateInput(node, schema, { id: '' }, 3, 'recipient');
		expect(run).toThrow(NodeOperationError);
		expect(run).toThrow('Invalid recipient in item 3: id: is required');
	});

	it.each([
		[{ id: 'a', extra: Number.NaN }, 'extra'],
		[{ id: 'a', nested: { n: Number.POSITIVE_INFINITY } }, 'nested.n'],
		[{ id: 'a', list: [1, undefined] }, 'list[1]'],
		[{ id: 'a', big: BigInt(1) }, 'big'],
	])('refuses values JSON cannot carry, naming the field (%#)', (value, field) => {
		expect(() => validateInput(node, schema, value, 0, 'recipient')).toThrow(
			`Invalid recipient in item 0: ${field}: is not a value JSON can carry`,
		);
	});
});
