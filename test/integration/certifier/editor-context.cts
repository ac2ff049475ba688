// n8n-core's LoadOptionsContext for the editor look-ups (list search, load options), which the
// in-process harness does not offer: built from the harness's own credential pieces, so the
// Certifier credential is read and applied exactly as in node runs.
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { CredentialStore } from '../../in-process/credential-store.cjs';
import { CredentialTypeRegistry } from '../../in-process/credential-types.cjs';
import { InProcessCredentialsHelper } from '../../in-process/credentials-helper.cjs';
import { NodeTypeRegistry } from '../../in-process/node-types.cjs';
import { buildNode, createOneNodeWorkflow } from '../../in-process/workflow.cjs';

export function editorContext(
	credential: ICredentialDataDecryptedObject,
	parameters: INodeParameters = {},
): LoadOptionsContext {
	const store = new CredentialStore();
	store.set('certifierApi', { id: 'certifier-editor', data: credential });
	const helper = new InProcessCredentialsHelper(
		new CredentialTypeRegistry([new CertifierApi()]),
		store,
	);
	const nodeTypes = new NodeTypeRegistry([new Certifier()]);
	const node = buildNode(
		{ type: 'certifier', parameters, credentials: { certifierApi: 'certifier-editor' } },
		nodeTypes,
	);
	const { workflow, additionalData } = createOneNodeWorkflow(
		node,
		nodeTypes,
		helper,
		'internal',
		{},
	);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
