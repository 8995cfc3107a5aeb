using System;
using System.Globalization;
using WasmMarshal.Samples.Game;

// Snake whose rules and autopilot run in a WebAssembly guest (guests/c/game_snake.c or guests/rust/game_snake.rs).
//   dotnet run --project samples/Game -- [--guest c|rust] [--seed S] [--width W] [--height H] [--tick MS] [--autopilot]
//   dotnet run --project samples/Game -- --headless --frames N --seed S --out DIR [--guest c|rust] [--sheet K]
string guest = "c";
bool headless = false, autopilot = false;
int frames = 200, width = 24, height = 16, tick = 120, sheet = 12;
uint? seed = null;
string outDir = "frames";
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
        switch (args[i])
        {
            case "--guest": guest = Next(); GameSession.WasmFile(guest); break;
            case "--headless": headless = true; break;
            case "--frames": frames = NextInt(); break;
            case "--seed": seed = uint.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture); break;
            case "--out": outDir = Next(); break;
            case "--width": width = NextInt(); break;
            case "--height": height = NextInt(); break;
            case "--tick": tick = NextInt(); break;
            case "--sheet": sheet = NextInt(); break;
            case "--autopilot": autopilot = true; break;
            case "-h" or "--help": Usage(); return 0;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Usage();
    return 2;
}

try
{
    if (!headless)
        return InteractiveGame.Run(guest, seed ?? (uint)Environment.TickCount, width, height, tick, autopilot);

    var result = HeadlessRunner.Run(guest, frames, seed ?? 1, outDir, width, height, sheet);
    // ci-check.sh reads the "state hash" and "png hash" lines; keep their "name: value" shape.
    Console.WriteLine($"guest: {result.Description}");
    Console.WriteLine($"seed: {seed ?? 1}");
    Console.WriteLine($"frames: {result.FramePaths.Count} ({result.FramePaths[0]} .. {result.FramePaths[^1]})");
    Console.WriteLine($"games: {result.Games}, best score {result.BestScore}, final score {result.FinalScore}");
    Console.WriteLine($"contact sheet: {result.ContactSheetPath}");
    if (result.FramePaths.Count > 1)
        Console.WriteLine($"guest calls: {result.GuestTime.TotalMilliseconds:F1} ms for {result.FramePaths.Count - 1} steps " +
            $"({result.GuestTime.TotalMicroseconds / (result.FramePaths.Count - 1):F0} µs each, board marshalled both ways)");
    Console.WriteLine($"state hash: {result.StateHash}");
    Console.WriteLine($"png hash: {result.PngHash}");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static void Usage() => Console.Error.WriteLine(
    "usage: Game [--guest c|rust] [--seed S] [--width W] [--height H] [--tick MS] [--autopilot]\n" +
    "       Game --headless --frames N --seed S --out DIR [--guest c|rust] [--width W] [--height H] [--sheet K]\n" +
    "keys: arrows or WASD steer, t autopilot on/off, p pause, r restart, q quit");
