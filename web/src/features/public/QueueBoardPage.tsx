/** Placeholder until the screen is built. */
export default function QueueBoardPage() {
  return <p>QueueBoardPage</p>;
}
