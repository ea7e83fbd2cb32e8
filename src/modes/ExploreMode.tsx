/** Explore: the analyst's workspace, with the current event, figures, layers, naming and legend beside the map. */
import { Counters } from '../ui/Counters';
import { EventCard } from '../ui/EventCard';
import { LayerPanel } from '../ui/LayerPanel';
import { Legend } from '../ui/Legend';
import { NamingSwitch } from '../ui/NamingSwitch';
import { TimeSlider } from '../ui/TimeSlider';

export function ExploreSidebar() {
  return (
    <aside className="sidebar" aria-label="Map controls">
      <EventCard />
      <Counters />
      <LayerPanel />
      <NamingSwitch />
      <Legend />
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
