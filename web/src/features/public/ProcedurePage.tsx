/** Placeholder until the screen is built. */
export default function ProcedurePage() {
  return <p>ProcedurePage</p>;
}
