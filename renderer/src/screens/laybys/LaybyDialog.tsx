import '../printing/printing.css';
import { Dialog, type DialogProps } from '../printing/Dialog';

export type LaybyDialogProps = Omit<DialogProps, 'className' | 'bodyClassName'> & {
  wide?: boolean;
};

// A modal panel over the layby, in the printing dialogs' frame.
export function LaybyDialog({ wide = false, ...props }: LaybyDialogProps) {
  return (
    <Dialog
      {...props}
      className={wide ? 'layby-dialog layby-dialog--wide' : 'layby-dialog'}
      bodyClassName="layby-dialog-body"
    />
  );
}
