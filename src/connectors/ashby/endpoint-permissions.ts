import type { AshbyPermission } from './schemas.js';

/**
 * The API-key permission each endpoint we call needs (ashby-api.md §5). Used to name the missing
 * permission in a `permission_missing` error (`details.missing`), so an admin sees "grant offersRead",
 * not just "forbidden".
 */
export const ENDPOINT_PERMISSIONS: Readonly<Record<string, AshbyPermission>> = {
  'apiKey.info': 'apiKeysRead',
  'application.info': 'candidatesRead',
  'application.list': 'candidatesRead',
  'candidate.info': 'candidatesRead',
  'file.info': 'candidatesRead',
  'offer.info': 'offersRead',
  'offer.list': 'offersRead',
  'job.info': 'jobsRead',
  'job.list': 'jobsRead',
  'department.info': 'organizationRead',
  'department.list': 'organizationRead',
  'location.info': 'organizationRead',
  'location.list': 'organizationRead',
  'user.info': 'organizationRead',
  'customField.list': 'hiringProcessMetadataRead',
  'opening.setArchived': 'jobsWrite',
  'opening.info': 'jobsRead',
  'opening.list': 'jobsRead',
  'opening.search': 'jobsRead',
  'opening.create': 'jobsWrite',
  'opening.update': 'jobsWrite',
  'opening.setOpeningState': 'jobsWrite',
  'opening.addJob': 'jobsWrite',
  'opening.removeJob': 'jobsWrite',
  'opening.addLocation': 'jobsWrite',
  'opening.removeLocation': 'jobsWrite',
  'closeReason.list': 'hiringProcessMetadataRead',
  'customField.create': 'hiringProcessMetadataWrite',
  'customField.updateSelectableValues': 'hiringProcessMetadataWrite',
  'customField.setValue': 'candidatesWrite',
  'webhook.create': 'apiKeysWrite',
  'webhook.update': 'apiKeysWrite',
};
