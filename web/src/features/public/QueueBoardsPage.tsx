/** Placeholder until the screen is built. */
export default function QueueBoardsPage() {
  return <p>QueueBoardsPage</p>;
}
