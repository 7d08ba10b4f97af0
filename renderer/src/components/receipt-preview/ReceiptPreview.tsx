import type { SlipPreview } from '../../../../shared/contract/till/printing-methods';
import { SymbolPicture } from './SymbolPicture';
import './receipt-preview.css';

export type ReceiptPreviewProps = { slip: Pick<SlipPreview, 'title' | 'width' | 'lines'> };

const PAPER: Record<32 | 48, string> = { 32: '58 mm', 48: '80 mm' };

// The slip as the printer will print it: the same lines the ESC/POS encoder sends, in a
// monospace font on white, 32 or 48 characters wide. Bold and double-height lines look bold
// and tall; the QR code, the paper cut and the drawer kick are drawn where they happen.
export function ReceiptPreview({ slip }: ReceiptPreviewProps) {
  return (
    <figure className="slip" data-testid="receipt-preview" data-width={slip.width}>
      <div
        className={`slip-paper slip-paper--w${slip.width}`}
        role="document"
        aria-label={`Preview of ${slip.title}`}
      >
        {slip.lines.map((line, index) => {
          switch (line.kind) {
            case 'text':
              return (
                <div
                  key={index}
                  className={[
                    'slip-line',
                    line.bold ? 'slip-line--bold' : '',
                    line.tall ? 'slip-line--tall' : '',
                  ].join(' ')}
                  data-testid="slip-line"
                >
                  {line.text === '' ? '\u00a0' : line.text}
                </div>
              );
            case 'qr':
            case 'barcode':
              return <SymbolPicture key={index} kind={line.kind} data={line.data} />;
            case 'drawer':
              return (
                <div key={index} className="slip-event" data-testid="slip-drawer">
                  Opens the cash drawer
                </div>
              );
            case 'cut':
              return (
                <div key={index} className="slip-cut" data-testid="slip-cut">
                  <span aria-hidden="true">✂</span> paper is cut here
                </div>
              );
          }
        })}
      </div>
      <figcaption className="slip-caption">
        {PAPER[slip.width]} paper · {slip.width} characters a line
      </figcaption>
    </figure>
  );
}
