/** Placeholder until the screen is built. */
export default function DossierPage() {
  return <p>DossierPage</p>;
}
