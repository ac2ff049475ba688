// Every SmartResume (CredentialConnect v1.3) value the emulator relies on, with its source:
// [doc] = ../../shared/seeds/smartresume-credentialconnect.txt (the vendor's text),
// [assumed] = our reading where the vendor says nothing. Change a guess here, nowhere else.

/** [doc] Endpoints under the base URL (https://my.smartresume.com, mystage for staging). */
export const TOKEN_PATH = '/api/v1/token';
export const CREDENTIALS_PATH = '/api/v1/credentials';
/** [doc] The holder's claim link: {base}/createmyresume/{identifier_token}. */
export const CLAIM_PATH = '/createmyresume';
/** [assumed] Where the emulated SmartResume receives the browser back in use case 3. */
export const IMPORT_COMPLETE_PATH = '/import/complete';

/** [doc] grant_type and the scopes of the vendor's Postman example ("delete readonly replace"). */
export const GRANT_TYPE = 'client_credentials';
export const SCOPES = ['delete', 'readonly', 'replace'] as const;
export type Scope = (typeof SCOPES)[number];
/** [assumed] Scope a push needs (it creates or replaces credentials). */
export const PUSH_SCOPE: Scope = 'replace';
/** [assumed] A token request without scope gets every scope. */
export const DEFAULT_SCOPES: readonly Scope[] = SCOPES;
// [doc] Tokens expire after 60 minutes of INACTIVITY (sliding): the live value is
// switches.tokenTtlSeconds (default 3600), also reported as expires_in.
/** [assumed shape] {access_token, token_type, expires_in, scope}. */
export const TOKEN_TYPE = 'Bearer';

/** [assumed] Key of the push response; value is the claim link. */
export const REDIRECT_KEY = 'redirect_url';

/**
 * [doc] Error bodies are 1EdTech Imsx_StatusInfo. [assumed] the descriptions and the
 * codeMinor values, taken from the OB 3.0 API's imsx_CodeMinorFieldValue vocabulary.
 */
export const IMSX_MINOR_BY_STATUS: Record<number, string> = {
	400: 'invalid_data',
	401: 'unauthorizedrequest',
	403: 'forbidden',
	404: 'unknownobject',
	405: 'not_allowed',
	413: 'invalid_data',
	415: 'invalid_data',
	429: 'server_busy',
	500: 'internal_server_error',
	502: 'server_busy',
	503: 'server_busy',
	504: 'server_busy',
};
/** Field name used when an error concerns no particular field (the OB 3.0 API's own choice). */
export const IMSX_DEFAULT_FIELD = 'TargetEndSystem';
export const MESSAGES = {
	expiredToken: 'The access token has expired',
	invalidToken: 'Invalid access token',
	missingToken: 'An access token is required (Authorization: Bearer <token>)',
	badClient: 'Invalid client credentials',
	missingScope: `The access token lacks the '${PUSH_SCOPE}' scope`,
	unknownRecipientToken: 'The recipient token does not match an open import request',
	methodNotAllowed: 'The method is not allowed for the requested resource',
} as const;

/**
 * SkillSync [doc]: a credential whose credentialSubject.achievement.achievementType is
 * SkillsAndAbilities carries skills in achievement.alignment and is not imported itself;
 * with `proof` its skills are verified. Skill names at most 40 characters.
 */
export const SKILL_CARRIER_TYPE = 'SkillsAndAbilities';
export const SKILL_NAME_MAX = 40;
export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export const SKILL_CATEGORIES = ['specialized', 'technical', 'durable', 'other'] as const;
/**
 * [assumed] Where level, category and evidence link travel: the vendor names the facts
 * but shows no JSON for them. Extension properties on each Alignment entry; the evidence
 * link counts for verified (proof-carrying) carriers only, as the vendor says.
 */
export const SKILL_FIELDS = {
	level: 'skillLevel',
	category: 'skillCategory',
	evidenceUrl: 'evidenceUrl',
} as const;

/** [doc] OB 3.0 and CLR 2.0 credential types accepted in `credentials`. */
export const VC_TYPE = 'VerifiableCredential';
export const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential'] as const;
export const CLR_TYPE = 'ClrCredential';
export const CLR_SUBJECT_TYPE = 'ClrSubject';
/** [doc] "Profile" in credentialSubject.type unlocks givenName / familyName / additionalName. */
export const PROFILE_TYPE = 'Profile';

// The vendor's achievementType list is one fact shared with the node: the emulator reads the
// node's copy instead of keeping a second one.
export {
	ACHIEVEMENT_TYPES,
	type ResumeSection,
} from '../../nodes/SmartResume/helpers/achievement-types';
import {
	ACHIEVEMENT_TYPES,
	type ResumeSection,
} from '../../nodes/SmartResume/helpers/achievement-types';

export const ACHIEVEMENT_SECTION: ReadonlyMap<string, ResumeSection> = new Map(ACHIEVEMENT_TYPES);

/** What lands on the emulated admin alert screen (GET /_control/smartresume/alerts). */
export const ALERT_KINDS = ['unknown_achievement_type', 'assertion_owned_by_other'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
