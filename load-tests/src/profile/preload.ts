import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

// NODE_OPTIONS="--require …/dist/profile/preload.js" with PROFILE_DIR set: SIGUSR2 starts V8's CPU
// profiler in this process, the next SIGUSR2 stops it and writes <PROFILE_DIR>/<pid>-<n>.cpuprofile.
// (Node refuses --cpu-prof in NODE_OPTIONS, and a whole-life profile would be mostly the seeding.)
const dir = process.env.PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  let n = 0;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
    );
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      void post("Profiler.enable")
        .then(() => post("Profiler.setSamplingInterval", { interval: 500 }))
        .then(() => post("Profiler.start"));
      return;
    }
    running = false;
    void post("Profiler.stop").then((result) => {
      const { profile } = result as { profile: unknown };
      writeFileSync(join(dir, `${process.pid}-${++n}.cpuprofile`), JSON.stringify(profile));
    });
  });
}
