import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema, itemsOf, noContentSchema } from '../../../contract/common.js';
import {
  addedUserSchema,
  addUserRequestSchema,
  changeUserRequestSchema,
  listNotificationsQuerySchema,
  inviteUrlResponseSchema,
  listSendsQuerySchema,
  markedReadSchema,
  notificationSchema,
  notificationSettingsSchema,
  notificationUserQuerySchema,
  saveNotificationSettingsRequestSchema,
  sendSchema,
  unreadCountResponseSchema,
  userSchema,
  type AddedUserResponse,
  type InviteUrlResponse,
  type NotificationResponse,
  type NotificationSettingsResponse,
  type SendResponse,
  type UserResponse,
} from '../../../contract/people.js';
import type { NotificationView } from '../../../app/list-notifications.js';
import type { NotificationSettingsView } from '../../../app/notification-settings.js';
import type { Principal } from '../../../core/auth/role.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { NotificationSend } from '../../../core/model/notification.js';
import { mayManageInbox, type User } from '../../../core/model/user.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
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
  const api = app.withTypeProvider<ZodTypeProvider>();
  const users = ['Users'];
  const notifications = ['Notifications'];
  api.get(
    '/api/v1/users',
    {
      schema: { tags: users, summary: 'List HireBridge users', response: { 200: itemsOf(userSchema) } },
      config: { access: 'admin' },
    },
    async () => {
      const deactivated = await services.accountSecurity.deactivatedUsers();
      return {
        items: (await services.people.listUsers()).map((u) => ({
          ...toUser(u),
          active: !deactivated.has(u.id),
        })),
      };
    },
  );
  api.post(
    '/api/v1/users',
    {
      schema: {
        tags: users,
        summary: 'Add a user and make their invite link',
        body: addUserRequestSchema,
        response: { 201: addedUserSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const { inviteUrl, emailed, ...user } = await services.people.addUser({
        ...request.body,
        principal: requireCaller(request),
      });
      const answer: AddedUserResponse = { ...toUser(user), inviteUrl, emailed: emailed ?? 'not_configured' };
      return reply.status(201).send(answer);
    },
  );
  api.post(
    '/api/v1/users/:id/invite',
    {
      schema: {
        tags: users,
        summary: 'A new invite link for a user (earlier ones stop working)',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 201: inviteUrlResponseSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const { inviteUrl, emailed } = await services.people.inviteUser({
        userId: request.params.id,
        principal: requireCaller(request),
      });
      const answer: InviteUrlResponse = { inviteUrl, emailed: emailed ?? 'not_configured' };
      return reply.status(201).send(answer);
    },
  );
  api.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: users,
        summary: "Change a user's role",
        params: idParamsSchema,
        body: changeUserRequestSchema,
        response: { 200: userSchema },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      toUser(
        await services.people.changeUserRole({
          userId: request.params.id,
          role: request.body.role,
          principal: requireCaller(request),
        }),
      ),
  );

  api.get(
    '/api/v1/connections/:id/notification-settings',
    {
      schema: {
        tags: notifications,
        summary: "Who a connection's new hires notify, and how",
        params: idParamsSchema,
        response: { 200: notificationSettingsSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => toSettings(await services.people.notificationSettings(params.id)),
  );
  api.put(
    '/api/v1/connections/:id/notification-settings',
    {
      schema: {
        tags: notifications,
        summary: "Change who a connection's new hires notify, and how",
        params: idParamsSchema,
        body: saveNotificationSettingsRequestSchema,
        response: { 200: notificationSettingsSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const body = request.body;
      const saved = await services.people.saveNotificationSettings({
        connectionId: request.params.id,
        principal: requireCaller(request),
        ...(body.recipients === undefined ? {} : { recipientIds: body.recipients }),
        ...(body.slackWebhookUrl === undefined ? {} : { slackWebhookUrl: body.slackWebhookUrl }),
      });
      return toSettings(saved);
    },
  );

  api.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: notifications,
        summary: "A user's in-app notifications, newest first",
        querystring: listNotificationsQuerySchema,
        response: { 200: itemsOf(notificationSchema) },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const q = request.query;
      const items = await services.people.listNotifications({
        userId: notificationUser(requireCaller(request), q.userId),
        unreadOnly: q.unread === 'true',
        limit: q.limit,
      });
      return { items: items.map(toNotification) };
    },
  );
  api.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags: notifications,
        summary: "How many of a user's notifications are unread",
        querystring: notificationUserQuerySchema,
        response: { 200: unreadCountResponseSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const count = await services.people.unreadNotificationCount({
        userId: notificationUser(requireCaller(request), request.query.userId),
      });
      return { count };
    },
  );
  api.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: notifications,
        summary: 'Mark a notification read',
        params: idParamsSchema,
        querystring: notificationUserQuerySchema,
        body: emptyBodySchema,
        response: { 204: noContentSchema },
      },
      config: { access: 'inbox' },
    },
    async (request, reply) => {
      await services.people.markNotificationRead({
        userId: notificationUser(requireCaller(request), request.query.userId),
        notificationId: request.params.id,
      });
      return reply.status(204).send();
    },
  );
  // "Mark all read": every unread notification of the user.
  api.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags: notifications,
        summary: "Mark all of a user's notifications read",
        querystring: notificationUserQuerySchema,
        body: emptyBodySchema,
        response: { 200: markedReadSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const marked = await services.people.markAllNotificationsRead({
        userId: notificationUser(requireCaller(request), request.query.userId),
      });
      return { marked };
    },
  );
  api.get(
    '/api/v1/notification-sends',
    {
      schema: {
        tags: notifications,
        summary: 'Notification emails and Slack messages, with their send status',
        querystring: listSendsQuerySchema,
        response: { 200: itemsOf(sendSchema) },
      },
      config: { access: 'admin' },
    },
    async ({ query }) => ({
      items: (
        await services.people.listSends({
          limit: query.limit,
          ...(query.status ? { status: query.status } : {}),
        })
      ).map(toSend),
    }),
  );
}
