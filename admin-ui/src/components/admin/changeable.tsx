import type { ReactNode } from 'react';
import { useSession } from '../../auth/session';

/**
 * Wraps a form's controls: for a viewer (who reads everything and changes nothing) every control in
 * it is disabled, so the settings show as they are, and nothing can be sent that the API would refuse.
 */
export function Changeable({ children }: { readonly children: ReactNode }) {
  const { mayChange } = useSession();
  return (
    <fieldset className="admin-changeable" disabled={!mayChange}>
      {children}
    </fieldset>
  );
}
