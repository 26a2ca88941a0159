/** Placeholder until the screen is built. */
export default function ProceduresPage() {
  return <p>ProceduresPage</p>;
}
