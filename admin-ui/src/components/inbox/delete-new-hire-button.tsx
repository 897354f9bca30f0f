import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorMessage } from '../error-message';

/**
 * "Delete new hire" after confirmation; then back to the inbox, which says what happened (the message
 * travels in the navigation state).
 */
export function DeleteNewHireButton(props: { readonly newHireId: string; readonly name: string }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  // No invalidation by the hook: refreshing this page first would unmount the button (the new hire is
  // deleted now) before the navigation below. Leave, then refresh the inbox and the bell.
  const remove = useApiMutation<void>(() => ({
    path: `/api/v1/new-hires/${encodeURIComponent(props.newHireId)}`,
    method: 'DELETE',
  }));
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        Delete new hire
      </button>
      <ConfirmDialog
        open={open}
        title="Delete this new hire?"
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onCancel={() => {
          remove.reset();
          setOpen(false);
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              // Cached lists still hold the deleted hire: drop them so the inbox never shows it again,
              // even for the moment before its refetch answers.
              client.removeQueries({
                predicate: ({ queryKey: [key] }) =>
                  typeof key === 'string' && /^\/api\/v1\/new-hires(\?|$)/.test(key),
              });
              void navigate('/new-hires', {
                state: {
                  notice: `${props.name} was deleted from the New hires inbox. Their personal data and files were removed.`,
                },
              });
              void client.invalidateQueries({
                predicate: ({ queryKey: [key] }) =>
                  typeof key === 'string' &&
                  (key.startsWith('/api/v1/new-hires') || key.startsWith('/api/v1/notifications')),
              });
            },
          })
        }
      >
        <p>
          {props.name}&apos;s personal data, documents and history are removed from HireBridge. Only a record
          that the application was deleted is kept, so Ashby will not bring this new hire back.
        </p>
        <ErrorMessage error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
