/** Saves a blob as a file through the browser's download (an anchor with `download`). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: give them time before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
