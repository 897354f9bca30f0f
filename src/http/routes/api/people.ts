import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addUserRequestSchema,
  changeUserRequestSchema,
  listNotificationsQuerySchema,
  listSendsQuerySchema,
  notificationUserQuerySchema,
  saveNotificationSettingsRequestSchema,
  type AddedUserResponse,
  type InviteUrlResponse,
  type NotificationResponse,
  type NotificationSettingsResponse,
  type SendResponse,
  type UnreadCountResponse,
  type UserResponse,
} from '../../../contract/people.js';
import type { NotificationView } from '../../../app/list-notifications.js';
import type { NotificationSettingsView } from '../../../app/notification-settings.js';
import type { Principal } from '../../../core/auth/role.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { NotificationSend } from '../../../core/model/notification.js';
import { mayManageInbox, type User } from '../../../core/model/user.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const iso = (ms: number) => new Date(ms).toISOString();

const toUser = (u: User): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  mayManageInbox: mayManageInbox(u.role),
  signedUp: u.signedUp,
  createdAt: iso(u.createdAt),
});

/**
 * Whose notifications a request reads. A signed-in user reads their own: `userId` defaults to them and
 * may not name anyone else. API tokens are not people, so they must name the user.
 */
function notificationUser(principal: Principal, userId: string | undefined): string {
  if (principal.kind === 'user') {
    if (userId !== undefined && userId !== principal.id)
      throw new AppError('forbidden', 'You may read only your own notifications; leave out userId');
    return principal.id;
  }
  if (userId === undefined)
    throw new AppError(
      'validation_failed',
      'Invalid query: userId: is required: API tokens are not users, so name the user',
      {
        details: {
          problems: [{ field: 'userId', message: 'is required: API tokens are not users, so name the user' }],
        },
      },
    );
  return userId;
}

const toSend = (s: NotificationSend): SendResponse => ({
  id: s.id,
  newHireId: s.newHireId,
  connectionId: s.connectionId,
  channel: s.channel,
  userId: s.userId,
  status: s.status,
  attempts: s.attempts,
  lastError: s.lastError,
  sentAt: isoOrNull(s.sentAt),
  createdAt: iso(s.createdAt),
});

const toSettings = (s: NotificationSettingsView): NotificationSettingsResponse => ({
  connectionId: s.connectionId,
  recipients: s.recipients.map(toUser),
  usingDefault: s.usingDefault,
  connectedByUserId: s.connectedByUserId,
  channels: { ...s.channels },
});

const toNotification = (v: NotificationView): NotificationResponse => {
  const common = {
    id: v.notification.id,
    userId: v.notification.userId,
    kind: v.kind,
    createdAt: iso(v.notification.createdAt),
    readAt: isoOrNull(v.notification.readAt),
  };
  if (v.kind === 'destination_paused') {
    const d = v.destination;
    return {
      ...common,
      newHireId: null,
      connectionId: null,
      newHire: null,
      email: null,
      destination: {
        id: v.notification.destinationId,
        name: d?.name ?? null,
        type: d?.type ?? null,
        status: d?.status ?? null,
        message: v.notification.detail,
        link: v.link,
      },
    };
  }
  return {
    ...common,
    newHireId: v.notification.newHireId,
    connectionId: v.notification.connectionId,
    newHire: v.notice && {
      name: v.notice.name,
      jobTitle: v.notice.jobTitle,
      startDate: v.notice.startDate,
      link: v.notice.link,
    },
    email: v.email && toSend(v.email),
    destination: null,
  };
};

/**
 * HireBridge users (admins), notification settings per connection (admins), in-app notifications and
 * send status. A signed-in user reads their own notifications. API tokens are not people, so their
 * notification reads name the user with `?userId=`; any inbox or admin token may, since those tokens
 * already see every new hire the notifications point to.
 */
export function peopleRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/users', async (request) => {
    requireRole(request, 'admin');
    const deactivated = await services.accountSecurity.deactivatedUsers();
    return {
      items: (await services.people.listUsers()).map((u) => ({
        ...toUser(u),
        active: !deactivated.has(u.id),
      })),
    };
  });
  app.post('/api/v1/users', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const body = parseInput(addUserRequestSchema, request.body, 'body');
    const { inviteUrl, emailed, ...user } = await services.people.addUser({ ...body, principal });
    const answer: AddedUserResponse = { ...toUser(user), inviteUrl, emailed: emailed ?? 'not_configured' };
    return reply.status(201).send(answer);
  });
  app.post('/api/v1/users/:id/invite', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { inviteUrl, emailed } = await services.people.inviteUser({ userId: id, principal });
    const answer: InviteUrlResponse = { inviteUrl, emailed: emailed ?? 'not_configured' };
    return reply.status(201).send(answer);
  });
  app.patch('/api/v1/users/:id', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { role } = parseInput(changeUserRequestSchema, request.body, 'body');
    return toUser(await services.people.changeUserRole({ userId: id, role, principal }));
  });

  app.get('/api/v1/connections/:id/notification-settings', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toSettings(await services.people.notificationSettings(id));
  });
  app.put('/api/v1/connections/:id/notification-settings', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(saveNotificationSettingsRequestSchema, request.body, 'body');
    const saved = await services.people.saveNotificationSettings({
      connectionId: id,
      principal,
      ...(body.recipients === undefined ? {} : { recipientIds: body.recipients }),
      ...(body.slackWebhookUrl === undefined ? {} : { slackWebhookUrl: body.slackWebhookUrl }),
    });
    return toSettings(saved);
  });

  app.get('/api/v1/notifications', async (request) => {
    const principal = requireRole(request, 'inbox');
    const q = parseInput(listNotificationsQuerySchema, request.query, 'query');
    const items = await services.people.listNotifications({
      userId: notificationUser(principal, q.userId),
      unreadOnly: q.unread === 'true',
      limit: q.limit,
    });
    return { items: items.map(toNotification) };
  });
  app.get('/api/v1/notifications/unread-count', async (request): Promise<UnreadCountResponse> => {
    const principal = requireRole(request, 'inbox');
    const { userId } = parseInput(notificationUserQuerySchema, request.query, 'query');
    const count = await services.people.unreadNotificationCount({
      userId: notificationUser(principal, userId),
    });
    return { count };
  });
  app.post('/api/v1/notifications/:id/read', async (request, reply) => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const { userId } = parseInput(notificationUserQuerySchema, request.query, 'query');
    await services.people.markNotificationRead({
      userId: notificationUser(principal, userId),
      notificationId: id,
    });
    return reply.status(204).send();
  });
  // "Mark all read": every unread notification of the user.
  app.post('/api/v1/notifications/read-all', async (request) => {
    const principal = requireRole(request, 'inbox');
    const { userId } = parseInput(notificationUserQuerySchema, request.query, 'query');
    const marked = await services.people.markAllNotificationsRead({
      userId: notificationUser(principal, userId),
    });
    return { marked };
  });
  app.get('/api/v1/notification-sends', async (request) => {
    requireRole(request, 'admin');
    const q = parseInput(listSendsQuerySchema, request.query, 'query');
    return {
      items: (
        await services.people.listSends({ limit: q.limit, ...(q.status ? { status: q.status } : {}) })
      ).map(toSend),
    };
  });
}
