// Preloaded (NODE_OPTIONS=--require) into the bench server by profile-load.ts: Node 20 refuses
// --cpu-prof in NODE_OPTIONS, so the profiler is driven through the inspector and the profile
// written to $ORGLENS_CPU_PROFILE_DIR when the process exits.
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.ORGLENS_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  process.on("exit", () => {
    session.post("Profiler.stop", (err, res) => {
      if (!err)
        fs.writeFileSync(
          path.join(dir, `server-${process.pid}.cpuprofile`),
          JSON.stringify(res.profile),
        );
    });
  });
}
