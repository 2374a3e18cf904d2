using SocItConsole.Bench;

// The benchmark tool. Nothing here ships in the app; see bench/README.md and bench/run.sh.
//   generate --scale tiny|municipal|regional --out FILE [--force]
//   run      --app DIR --data DIR [--only a,b] [--markdown FILE]
return await BenchCommand.RunAsync(args);
