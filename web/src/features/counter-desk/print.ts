/**
 * Prints a PDF in one click: the browser's PDF viewer loads it in a frame off screen and its
 * print dialog opens. A frame with `display: none` would never load the viewer, so it is only
 * moved out of sight. Where the viewer cannot print from a frame, the PDF opens in a new tab.
 * Returns what removes the frame and frees the bytes.
 */
export function printPdf(url: string): () => void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'print';
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '1px',
    height: '1px',
    border: '0',
    opacity: '0',
  });
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank', 'noopener');
    }
  };
  frame.src = url;
  document.body.append(frame);
  return () => frame.remove();
}
