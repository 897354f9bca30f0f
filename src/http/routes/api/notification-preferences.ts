import type { FastifyInstance } from 'fastify';
import {
  notificationPreferencesRequestSchema,
  type NotificationPreferencesResponse,
} from '../../../contract/notification-preferences.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Principal } from '../../../core/auth/role.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

/** Only a signed-in user has preferences of their own, as only they have a password. */
function userOf(principal: Principal): string {
  if (principal.kind !== 'user')
    throw new AppError('unauthorized', 'API tokens have no notification preferences; sign in as the user');
  return principal.id;
}

/** The signed-in user's own notification preferences. */
export function notificationPreferenceRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/me/notification-preferences', async (request): Promise<NotificationPreferencesResponse> =>
    services.people.notificationPreferences(userOf(requireCaller(request))),
  );
  app.put(
    '/api/v1/me/notification-preferences',
    async (request): Promise<NotificationPreferencesResponse> => {
      const userId = userOf(requireCaller(request));
      const body = parseInput(notificationPreferencesRequestSchema, request.body, 'body');
      const slackMemberId = body.slackMemberId === '' ? null : body.slackMemberId;
      return services.people.saveNotificationPreferences(userId, { ...body, slackMemberId });
    },
  );
}
