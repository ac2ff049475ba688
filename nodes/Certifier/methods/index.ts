import { getCustomAttributes, getDesigns } from './loadOptions';
import { searchDesigns, searchGroups } from './listSearch';

export const listSearch = { searchGroups, searchDesigns };
export const loadOptions = { getCustomAttributes, getDesigns };
