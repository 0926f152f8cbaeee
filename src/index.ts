/** The runner's entry (`runs.main` and `runs.post` in action.yml). */
import { run } from './run.js';

await run();
