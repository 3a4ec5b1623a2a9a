/** Saves text as a file the way a browser and Electron both honour: a Blob URL on a temporary <a download>. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
