/** Placeholder until the screen is built. */
export default function AdminPage() {
  return <p>AdminPage</p>;
}
