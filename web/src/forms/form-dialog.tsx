import type { FieldValues } from 'react-hook-form';
import { ModalDialog } from '../components/modal-dialog.js';
import { MutationForm, type MutationFormProps } from './mutation-form.js';

interface Props<In extends FieldValues> extends Omit<MutationFormProps<In>, 'onCancel' | 'aria-label' | 'aria-labelledby'> {
  title: string;
  onClose: () => void;
}

/** A modal dialog holding one MutationForm; Cancel and Escape close it. */
export function FormDialog<In extends FieldValues>({ title, onClose, ...form }: Props<In>) {
  return (
    <ModalDialog title={title} onClose={onClose}>
      <MutationForm {...form} onCancel={onClose} />
    </ModalDialog>
  );
}
