import type { DestinationPreview, PushedMember } from '../../core/ports/destination.js';
import { resolveRules } from '../kit/field-mapping.js';
import { lookupAtPush, managerAtPush } from '../kit/preview-notes.js';
import type { NamedListItem } from './schemas.js';
import type { HibobSettings } from './settings.js';
import { planDocuments } from './to-documents.js';
import { planEmployee } from './to-employee.js';

const ID = '{employeeId}';

/**
 * What a HiBob push would send, from the push's own planning (planEmployee, planDocuments) without a
 * call: list fields get a stand-in item named after the value, since only Bob knows the item ids.
 */
export function previewHibob(member: PushedMember, settings: HibobSettings): DestinationPreview {
  const atPush: string[] = [];
  const lists: Record<string, NamedListItem[]> = {};
  for (const [target, { value, rule }] of resolveRules(member, settings.mapping)) {
    if (rule.list === undefined) continue;
    const label = String(value);
    (lists[rule.list] ??= []).push({ id: `<item id of "${label}">`, value: label, name: label });
    atPush.push(
      `${target}: the id of the item "${label}" in HiBob's list "${rule.list}", read from HiBob when pushing; left out and reported if the list has no such item`,
    );
  }
  const planned = planEmployee(member, settings, lists);
  const docs = planDocuments(member.documents, settings.documentFolders);
  const manager = managerAtPush(member, 'HiBob');
  const requests: DestinationPreview['requests'][number][] = [
    { step: 'create the employee', method: 'POST', path: '/people', body: planned.create },
    {
      step: 'work entry from the start date',
      method: 'POST',
      path: `/people/${ID}/work`,
      body: manager ? { ...planned.work, reportsTo: { id: '<manager id>' } } : planned.work,
    },
  ];
  if (planned.salary)
    requests.push({
      step: 'salary entry',
      method: 'POST',
      path: `/people/${ID}/salaries`,
      body: planned.salary,
    });
  for (const { document, folder } of docs.uploads) {
    const where = typeof folder === 'string' ? folder : `folders/${folder.customFolderId}`;
    requests.push({
      step: `upload ${document.fileName}`,
      method: 'POST',
      path: `/docs/people/${ID}/${where}/upload`,
      body: { file: document.fileName, contentType: document.contentType, sizeBytes: document.sizeBytes },
    });
  }
  if (settings.welcomeWizardId !== undefined)
    requests.push({
      step: 'pre-onboarding invite',
      method: 'POST',
      path: `/employees/${ID}/invitations`,
      body: { welcomeWizardId: settings.welcomeWizardId },
    });
  return {
    requests,
    notes: [...planned.warnings, ...docs.warnings],
    atPush: [lookupAtPush('HiBob'), ...atPush, ...(manager ? [manager] : [])],
    missing: planned.missing,
  };
}
