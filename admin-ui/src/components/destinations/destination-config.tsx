import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { MappingEditor } from './mapping-editor';
import { PreviewPanel } from './preview-panel';
import { SettingsForm } from './settings-form';
import type { DestinationResponse, DestinationTypeResponse } from './types';

/** Settings, field mapping and preview of one destination, chosen among those that have them. */
export function DestinationConfig({ items }: { readonly items: readonly DestinationResponse[] }) {
  const types = useApiQuery<{ items: DestinationTypeResponse[] }>('/api/v1/destination-types');
  const withSettings = new Set((types.data?.items ?? []).filter((t) => t.hasSettings).map((t) => t.type));
  const configurable = items.filter((d) => withSettings.has(d.type));
  const [chosenId, setChosenId] = useState('');
  const chosen = configurable.find((d) => d.id === chosenId) ?? configurable[0];
  if (!chosen) return null;
  return (
    <section className="destination-config" aria-labelledby="destination-config-title">
      <div className="card">
        <h2 id="destination-config-title">Settings, field mapping and preview</h2>
        <div className="field">
          <label htmlFor="configure-destination">Destination to configure</label>
          <select id="configure-destination" value={chosen.id} onChange={(e) => setChosenId(e.target.value)}>
            {configurable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SettingsForm key={`settings-${chosen.id}`} destinationId={chosen.id} name={chosen.name} />
      <MappingEditor key={`mapping-${chosen.id}`} destinationId={chosen.id} name={chosen.name} />
      <PreviewPanel key={`preview-${chosen.id}`} destinationId={chosen.id} name={chosen.name} />
    </section>
  );
}
