// n8n-core's LoadOptionsContext for the SEEK Pass editor look-ups (list search), which the
// in-process harness does not offer: built from the harness's own credential pieces, so the
// OAuth2 credential is read, its token fetched and applied exactly as in node runs.
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { SeekPassOAuth2Api } from '../../../credentials/SeekPassOAuth2Api.credentials';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { CredentialStore } from '../../in-process/credential-store.cjs';
import { CredentialTypeRegistry } from '../../in-process/credential-types.cjs';
import { InProcessCredentialsHelper } from '../../in-process/credentials-helper.cjs';
import { OAuth2ApiStandIn } from '../../in-process/index.cjs';
import { NodeTypeRegistry } from '../../in-process/node-types.cjs';
import { buildNode, createOneNodeWorkflow } from '../../in-process/workflow.cjs';

export function seekPassEditorContext(
	credential: ICredentialDataDecryptedObject,
): LoadOptionsContext {
	const store = new CredentialStore();
	store.set('seekPassOAuth2Api', { id: 'seekpass-editor', data: credential });
	const helper = new InProcessCredentialsHelper(
		new CredentialTypeRegistry([new OAuth2ApiStandIn(), new SeekPassOAuth2Api()]),
		store,
	);
	const nodeTypes = new NodeTypeRegistry([new SeekPass()]);
	const node = buildNode(
		{ type: 'seekPass', parameters: {}, credentials: { seekPassOAuth2Api: 'seekpass-editor' } },
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
