import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { asOutput } from '../../helpers/credential-output';
import { credentialLocator, simplifyProperty } from '../../helpers/fields';
import { issuedAlready, writeOnce } from '../../helpers/reconcile';
import type { CertifierClient } from '../../transport';

export const issue: Operation<CertifierClient> = {
	value: 'issue',
	name: 'Issue',
	action: 'Issue a credential',
	description: 'Issue a draft credential, making it active in the digital wallet',
	properties: [credentialLocator, simplifyProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential');
		const id = params.id('credentialId', 'credential ID');
		const credential = await writeOnce(
			async () => await client.issueCredential(id, itemIndex),
			issuedAlready(client, id, itemIndex),
		);
		return asOutput(params, { ...credential });
	}),
};
