import { useState } from 'react';
import type { Target } from '../../processes/actions';
import { Modal } from './Modal';
import { TargetList } from './TargetList';

interface Props {
  title: string;
  /** A sentence above the list. */
  message: string;
  confirmLabel: string;
  targets: readonly Target[];
  /** Offer "don't ask again" (not for the host's own explicit-confirmation requests). */
  allowSkip: boolean;
  onConfirm(skipFromNowOn: boolean): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, message, confirmLabel, targets, allowSkip, onConfirm, onCancel }: Props) {
  const [skip, setSkip] = useState(false);
  return (
    <Modal
      title={title}
      onClose={onCancel}
      onSubmit={() => onConfirm(skip)}
      actions={
        <>
          <button type="button" className="tool-button" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="tool-button danger">
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      <TargetList targets={targets} />
      {allowSkip && (
        <label className="check">
          <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
          Don’t ask again (turn back on in Columns &amp; options)
        </label>
      )}
    </Modal>
  );
}
