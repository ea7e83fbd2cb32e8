/**
 * Explore: the analyst's workspace. Beside the map: the inspector for what is selected, the current
 * event and figures, the events around now (and the full table), time range and filters, layers,
 * naming and legend.
 */
import { useState } from 'react';
import { ClaimsPanel } from '../ui/ClaimsPanel';
import { Counters } from '../ui/Counters';
import { EventCard } from '../ui/EventCard';
import { EventsList } from '../ui/EventsList';
import { EventsTable } from '../ui/EventsTable';
import { FiltersPanel } from '../ui/FiltersPanel';
import { ImportPanel } from '../ui/ImportPanel';
import { Inspector } from '../ui/Inspector';
import { LayerPanel } from '../ui/LayerPanel';
import { Legend } from '../ui/Legend';
import { MeasureTool } from '../ui/MeasureTool';
import { NamingSwitch } from '../ui/NamingSwitch';
import { TimeSlider } from '../ui/TimeSlider';

export function ExploreSidebar() {
  const [table, setTable] = useState(false);
  return (
    <aside className="sidebar" aria-label="Map controls">
      <Inspector />
      <EventCard />
      <Counters />
      <EventsList />
      <button type="button" className="open-table" onClick={() => setTable(true)}>
        All events as a table…
      </button>
      {table && <EventsTable onClose={() => setTable(false)} />}
      <FiltersPanel />
      <LayerPanel />
      <NamingSwitch />
      <Legend />
      <MeasureTool />
      <ClaimsPanel />
      <ImportPanel />
    </aside>
  );
}

export function ExploreTimeBar() {
  return (
    <footer className="time-bar">
      <TimeSlider />
    </footer>
  );
}
