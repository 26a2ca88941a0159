/** Placeholder until the screen is built. */
export default function LookupPage() {
  return <p>LookupPage</p>;
}
