import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { clientCredentialsProperties } from '../nodes/common/client-credentials';
import { credentialsBaseUrlExpression } from '../nodes/common/environment';
import { ignoreSslIssuesProperty } from '../nodes/common/ignore-ssl-issues';
import { SEEK_PASS_HOSTS, SEEK_PASS_PATHS, SEEK_PASS_SCOPES } from '../nodes/SeekPass/constants';

export class SeekPassOAuth2Api implements ICredentialType {
	name = 'seekPassOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SEEK Pass OAuth2 API';

	icon: Icon = { light: 'file:../icons/seekpass.svg', dark: 'file:../icons/seekpass.dark.svg' };

	documentationUrl = 'https://github.com/career-credentials/n8n-nodes-career-credentials#seek-pass';

	properties: INodeProperties[] = [
		// SEEK Pass reads client_id and client_secret from the form body, not a Basic header.
		...clientCredentialsProperties({
			serviceName: 'SEEK Pass',
			hosts: SEEK_PASS_HOSTS,
			tokenPath: SEEK_PASS_PATHS.grant,
			authentication: 'body',
		}),
		ignoreSslIssuesProperty({ show: { environment: ['custom'] } }),
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: SEEK_PASS_SCOPES.map((scope) => ({ name: scope, value: scope })),
			// The five scopes the single text field asked for before the list existed: a credential
			// saved then without a scope of its own keeps requesting exactly those.
			default: [
				'write.education',
				'write.english_proficiency',
				'write.microcredential',
				'write.digital_identity',
				'read.digital_identity',
			],
			description:
				'The scopes to request. Keep only those SEEK Pass granted your partner account (asking for another makes the token request fail). Each operation checks for the scope it needs before sending.',
		},
		{
			// n8n's oAuth2Api sends `scope` as space-separated text. Credentials saved before the
			// list existed keep their own text here (a stored value wins over this default).
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '={{ [].concat($self["scopes"] || []).join(" ") }}',
		},
	];

	// Any call needs a token first. The bulk status call's scope is not published (any valid token
	// is accepted), so it passes for a partner holding a single write scope; an id that does not
	// exist changes nothing and answers an empty list.
	test: ICredentialTestRequest = {
		request: {
			baseURL: credentialsBaseUrlExpression(SEEK_PASS_HOSTS),
			url: SEEK_PASS_PATHS.statuses,
			method: 'POST',
			body: { ids: ['n8n-credential-test'] },
			json: true,
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues === true}}',
		},
	};
}
