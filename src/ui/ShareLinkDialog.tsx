import { Check, Copy, TriangleAlert } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { saveFile } from '../commands/fileActions';
import { formatShortcut } from '../commands/registry';
import { IS_MAC } from '../commands/useShortcuts';
import { LONG_LINK_CHARS } from '../io/shareLink';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';

/** Shows a share link to copy by hand (when the clipboard refused it) and warns when it is long. */
export function ShareLinkDialog({ onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const link = useDiagramStore((s) => s.shareLink);
  const [copied, setCopied] = useState(link?.copied ?? false);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  if (!link) return null;
  const long = link.url.length > LONG_LINK_CHARS;

  const copy = async () => {
    const el = field.current;
    el?.focus();
    el?.select();
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // The text is selected: the user can press Ctrl+C.
      setCopied(document.execCommand?.('copy') ?? false);
    }
  };

  return (
    <Dialog
      title="Share link"
      onClose={onClose}
      footer={
        <>
          {long && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                onClose();
                saveFile(store);
              }}
            >
              Save a file instead
            </button>
          )}
          <button type="button" className="btn btn-primary" onClick={() => void copy()}>
            {copied ? <Check size={15} aria-hidden /> : <Copy size={15} aria-hidden />}
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </>
      }
    >
      {long && (
        <p className="share-warning" role="alert">
          <TriangleAlert size={15} aria-hidden />
          <span>
            This link is {link.url.length.toLocaleString('en-US')} characters long. Chat apps and mail clients often cut links over{' '}
            {LONG_LINK_CHARS.toLocaleString('en-US')} characters, which breaks them. To share a design this large, save a file (
            {formatShortcut('Mod+S', IS_MAC)}) and send that.
          </span>
        </p>
      )}
      <label htmlFor={fieldId} className="share-label">
        {link.copied ? 'The link is copied. Whoever opens it sees this design:' : 'Your browser did not let the app copy the link. Copy it from here:'}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        className="share-url"
        readOnly
        value={link.url}
        rows={long ? 6 : 3}
        onFocus={(e) => e.currentTarget.select()}
      />
    </Dialog>
  );
}
