export const ICO: string;
export const ICO_SIZES: number[];
export function makeIco(): Buffer;
