/** Our own attribution, as text: MapLibre's control would set style strings as HTML. */
export function Attribution() {
  return (
    <p className="attribution" data-testid="attribution">
      Natural Earth (public domain) · Kura, lower Aras, Nagorno-Karabakh outline: drawn by hand, approximate
    </p>
  );
}
