// vitest globalSetup (root and native configs): one unpacked fixture per run,
// handed to the workers through the environment, removed when the run ends.
import { FIXTURE_ENV, unpackFixture } from './fixture.mjs';

export default function setup() {
  const { root, cleanup } = unpackFixture();
  process.env[FIXTURE_ENV] = root;
  return () => {
    cleanup();
    delete process.env[FIXTURE_ENV];
  };
}
