// The SEEK Pass credential's scopes in a real n8n server: n8n's oAuth2Api splits the
// credential's `scope` text for the token request, so the Scopes list reaches it only through
// the hidden `scope` field's `$self` expression — which the server must resolve — while a
// credential saved with the older text keeps sending that text.
import { startSandbox, type Sandbox } from '../../sandbox/index.cjs';
import { startN8n, type N8nInstance, type WorkflowJson } from '../../real-n8n/index.cjs';

const P = 'n8n-nodes-career-credentials';

let sb: Sandbox;
let n8n: N8nInstance;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	n8n = await startN8n();
}, 20 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
}, 60_000);

async function addWith(credentialName: string, scopeData: Record<string, unknown>) {
	const id = await n8n.createCredential('seekPassOAuth2Api', credentialName, {
		environment: 'custom',
		customBaseUrl: sb.urls.seekPass,
		clientId: sb.demo.seekPass.clientId,
		clientSecret: sb.demo.seekPass.clientSecret,
		...scopeData,
	});
	const workflow: WorkflowJson = {
		name: `SEEK Pass scopes ${credentialName}`,
		nodes: [
			{
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				parameters: {},
				position: [0, 0],
			},
			{
				name: 'Add',
				type: `${P}.seekPass`,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'credential',
					operation: 'add',
					credentialType: 'education',
					submissionIdMode: 'generate',
					full_name: 'John Smith',
					education_provider: 'University of Melbourne',
					course_name: 'Bachelor of Commerce',
					conferral_year: '2024',
				},
				credentials: { seekPassOAuth2Api: { id, name: credentialName } },
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Add', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	sb.reset();
	const execution = await n8n.runWorkflow(await n8n.importWorkflow(workflow));
	const asked = sb
		.requests({ service: 'seekPass' })
		.filter((r) => r.path.endsWith('/oauth/token.json'))
		.map((r) => String((r.body as Record<string, unknown>).scope ?? ''));
	return { execution, asked };
}

test('the Scopes list reaches the token request as text: n8n resolves $self in the credential', async () => {
	const { execution, asked } = await addWith('SEEK Pass list', {
		scopes: ['write.education', 'write.microcredential'],
	});
	expect(execution.status).toBe('success');
	expect(asked).toEqual(['write.education write.microcredential']);
});

test('a credential saved with the older scope text keeps sending exactly that text', async () => {
	const { execution, asked } = await addWith('SEEK Pass legacy', {
		scope: 'write.education read.digital_identity',
	});
	expect(execution.status).toBe('success');
	expect(asked).toEqual(['write.education read.digital_identity']);
});
