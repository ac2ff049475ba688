import type { Resource } from '../../common/operation';
import { credential } from './credential';
import { submission } from './submission';
import { verification } from './verification';
import { webhook } from './webhook';

export const resources: Resource[] = [credential, submission, verification, webhook];
