export const FIXTURE_ARCHIVE: string;
export const FIXTURE_ENV: string;
export function unpackFixture(): { root: string; cleanup: () => void };
export function fixtureRoot(): string;
