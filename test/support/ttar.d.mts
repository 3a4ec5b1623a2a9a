export function unpackTtar(archive: string, dest: string): { files: number; directories: number; symlinks: number };
