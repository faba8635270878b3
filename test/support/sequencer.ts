import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order files start in, on a machine with few cores running every suite at once. The crash
 * test is the longest single file and mostly waits on server restarts, so it starts first; the
 * browser files mostly wait on Chromium and their server, so they are spread among the API and
 * unit files, which mostly compute, instead of queueing behind them.
 */
export default class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const of = (name: string) => sorted.filter((f) => f.project.name === name);
    const crash = of('crash');
    const browser = of('browser');
    const rest = sorted.filter((f) => !crash.includes(f) && !browser.includes(f));
    const order = [...crash];
    // One browser file, then two others, while both last.
    while (browser.length || rest.length) {
      const next = browser.shift();
      if (next) order.push(next);
      order.push(...rest.splice(0, 2));
    }
    return order;
  }
}
