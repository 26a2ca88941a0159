import { useEffect, useRef, useState } from 'react';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Alert, Button } from '../../shared/ui/ui.tsx';
import { parseScanned, type ScannedLookup } from './lookup.ts';
import { lookupMessages } from './lookup-messages.ts';

/** The Shape Detection API's barcode reader; not in TypeScript's DOM types, and absent from many browsers. */
interface BarcodeDetector {
  detect(source: HTMLVideoElement): Promise<readonly { readonly rawValue: string }[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetector;

function barcodeDetector(): BarcodeDetectorClass | undefined {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/** How often a camera frame is decoded: quick enough to feel instant, light on a phone's battery. */
const SCAN_EVERY_MS = 250;

/**
 * "Quét mã QR": reads the receipt's QR code with the camera, where the browser can decode
 * barcodes itself (no decoder is shipped, to keep the page light). Hidden elsewhere.
 */
export function QrScanner({ onScanned }: { onScanned: (result: ScannedLookup) => void }) {
  const t = useT(lookupMessages);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const video = useRef<HTMLVideoElement>(null);
  const onScannedRef = useRef(onScanned);
  onScannedRef.current = onScanned;
  const Detector = barcodeDetector();

  useEffect(() => {
    if (!scanning || !Detector) return;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const scan = async (detector: BarcodeDetector, element: HTMLVideoElement) => {
      if (stopped) return;
      try {
        for (const { rawValue } of await detector.detect(element)) {
          const result = parseScanned(rawValue);
          if (result) {
            setScanning(false);
            onScannedRef.current(result);
            return;
          }
          setProblem(t('scanUnknown'));
        }
      } catch {
        // A frame not ready yet: the next one will do.
      }
      timer = setTimeout(() => void scan(detector, element), SCAN_EVERY_MS);
    };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        const element = video.current;
        // Closed while the camera was starting: the cleanup has run already.
        if (stopped || !element) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        element.srcObject = stream;
        await element.play();
        void scan(new Detector({ formats: ['qr_code'] }), element);
      } catch {
        if (!stopped) {
          setProblem(t('cameraError'));
          setScanning(false);
        }
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, Detector, t]);

  if (!Detector) return null;
  return (
    <>
      <Button
        variant="secondary"
        aria-expanded={scanning}
        onClick={() => {
          setProblem(undefined);
          setScanning((s) => !s);
        }}
      >
        {scanning ? t('stopScan') : t('scan')}
      </Button>
      {scanning ? (
        <div className="qr-scanner stack">
          <p className="muted">{t('scanning')}</p>
          <video ref={video} className="qr-video" muted playsInline aria-label={t('camera')} />
        </div>
      ) : null}
      {problem ? <Alert kind="warning">{problem}</Alert> : null}
    </>
  );
}
