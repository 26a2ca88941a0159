/** Placeholder until the screen is built. */
export default function DeskPage() {
  return <p>DeskPage</p>;
}
