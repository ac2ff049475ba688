import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties } from 'n8n-workflow';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { SeekPassTrigger } from '../../../nodes/SeekPass/SeekPassTrigger.node';

const nodeDir = path.resolve(__dirname, '../../../nodes/SeekPass');
const node = new SeekPass().description;
const trigger = new SeekPassTrigger().description;

function operationsOf(properties: INodeProperties[]): string[] {
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as Array<{ value: string }>).map(
				(o) => `${(p.displayOptions?.show?.resource as string[])[0]}:${o.value}`,
			),
		);
}

describe('SEEK Pass node description', () => {
	it('offers exactly the resource:operation pairs of the issue', () => {
		expect(operationsOf(node.properties).sort()).toEqual(
			[
				'credential:add',
				'credential:addBatch',
				'submission:getStatus',
				'submission:getStatuses',
				'verification:create',
				'verification:get',
				'webhook:create',
				'webhook:get',
				'webhook:getAll',
				'webhook:update',
				'webhook:rotateSecret',
				'webhook:delete',
			].sort(),
		);
	});

	it('is usable as an AI tool, themed, and has a codex naming it', () => {
		expect(node.usableAsTool).toBe(true);
		expect(node.subtitle).toBeTruthy();
		for (const description of [node, trigger]) {
			const icon = description.icon as { light: string; dark: string };
			for (const file of [icon.light, icon.dark]) {
				expect(fs.existsSync(path.resolve(nodeDir, file.replace(/^file:/, '')))).toBe(true);
			}
		}
		const codex = JSON.parse(fs.readFileSync(path.join(nodeDir, 'SeekPass.node.json'), 'utf8'));
		expect(codex.node).toBe(`n8n-nodes-career-credentials.${node.name}`);
		const triggerCodex = JSON.parse(
			fs.readFileSync(path.join(nodeDir, 'SeekPassTrigger.node.json'), 'utf8'),
		);
		expect(triggerCodex.node).toBe(`n8n-nodes-career-credentials.${trigger.name}`);
	});

	it('never lets an operation field reuse a name with a different type', () => {
		// n8n keeps one value per name: two fields of one name must agree on what the value is.
		const typeOf = new Map<string, string>();
		for (const p of node.properties) {
			const key = `${p.name}`;
			const seen = typeOf.get(key);
			if (seen && !['operation'].includes(p.name))
				expect(`${key}:${p.type}`).toBe(`${key}:${seen}`);
			typeOf.set(key, p.type);
		}
	});
});

describe('SEEK Pass Trigger description', () => {
	it('is a webhook trigger on the SEEK Pass credential with the three verification events', () => {
		expect(trigger.inputs).toEqual([]);
		expect(trigger.webhooks?.[0]).toMatchObject({ name: 'default', httpMethod: 'POST' });
		expect(trigger.credentials?.[0].name).toBe('seekPassOAuth2Api');
		const events = trigger.properties.find((p) => p.name === 'events');
		expect((events?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([
			'canceled',
			'incomplete',
			'verified',
		]);
	});
});
