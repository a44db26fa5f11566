/** `text` with its first character in upper case (for sentences built from parts). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
