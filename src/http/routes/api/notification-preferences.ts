import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  notificationPreferencesRequestSchema,
  notificationPreferencesResponseSchema,
} from '../../../contract/notification-preferences.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';

const tags = ['Notifications'];

/**
 * The signed-in user's own notification preferences: only a user has them, so the routes take a session
 * (`access: 'session'` answers API tokens 401 before anything else), and the caller is that user.
 */
export function notificationPreferenceRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'How the signed-in user hears about new hires',
        response: { 200: notificationPreferencesResponseSchema },
      },
      config: { access: 'session' },
    },
    async (request) => services.people.notificationPreferences(requireCaller(request).id),
  );
  api.put(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Change how the signed-in user hears about new hires',
        body: notificationPreferencesRequestSchema,
        response: { 200: notificationPreferencesResponseSchema },
      },
      config: { access: 'session' },
    },
    async (request) => {
      const body = request.body;
      const slackMemberId = body.slackMemberId === '' ? null : body.slackMemberId;
      return services.people.saveNotificationPreferences(requireCaller(request).id, {
        ...body,
        slackMemberId,
      });
    },
  );
}
