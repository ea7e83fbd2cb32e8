/** Explore: the analyst's workspace, with layers, naming, legend and time beside the map. */
import { LayerPanel } from '../ui/LayerPanel';
import { Legend } from '../ui/Legend';
import { NamingSwitch } from '../ui/NamingSwitch';
import { TimeControl } from '../ui/TimeControl';

export function ExploreSidebar() {
  return (
    <aside className="sidebar" aria-label="Map controls">
      <LayerPanel />
      <NamingSwitch />
      <Legend />
    </aside>
  );
}

export function ExploreTimeBar() {
  return (
    <footer className="time-bar">
      <TimeControl />
    </footer>
  );
}
