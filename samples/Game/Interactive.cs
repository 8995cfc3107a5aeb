using System;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace WasmMarshal.Samples.Game;

/// <summary>Plays in the terminal: arrow keys or WASD steer, t toggles the guest's autopilot, p pauses, r restarts, q
/// quits. The snake waits for the first key (and again after a restart), so nobody loses a life to the start-up.</summary>
public static class InteractiveGame
{
    public static int Run(string guest, uint seed, int width, int height, int tickMs, bool autopilot)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            Console.Error.WriteLine(
                "The interactive game needs a terminal, but stdin or stdout is redirected.\n" +
                "Run it headless instead, e.g.: dotnet run --project samples/Game -- --headless --frames 120 --seed 7 --out frames");
            return 2;
        }
        int needColumns = width * 2 + 2, needRows = height + 6;
        if (Console.WindowWidth < needColumns || Console.WindowHeight < needRows)
        {
            Console.Error.WriteLine(
                $"The terminal is {Console.WindowWidth}x{Console.WindowHeight}; a {width}x{height} board needs " +
                $"{needColumns}x{needRows}. Enlarge it or pass a smaller --width/--height.");
            return 2;
        }
        using var session = new GameSession(guest, seed, width, height);
        string lastLog = session.Host.LogLines.Count > 0 ? session.Host.LogLines[^1] : "";
        session.Host.OnLog = message => lastLog = message;
        Console.OutputEncoding = Encoding.UTF8;
        Console.CursorVisible = false;
        Console.Clear();
        bool paused = false, started = false;
        try
        {
            var clock = Stopwatch.StartNew();
            bool dirty = true;
            while (true)
            {
                while (Console.KeyAvailable)
                {
                    dirty = true;
                    var key = Console.ReadKey(intercept: true);
                    if (key.Key is not (ConsoleKey.Q or ConsoleKey.Escape or ConsoleKey.P)) started = true;
                    switch (key.Key)
                    {
                        case ConsoleKey.UpArrow or ConsoleKey.W: session.Host.PendingInput = Direction.Up; break;
                        case ConsoleKey.RightArrow or ConsoleKey.D: session.Host.PendingInput = Direction.Right; break;
                        case ConsoleKey.DownArrow or ConsoleKey.S: session.Host.PendingInput = Direction.Down; break;
                        case ConsoleKey.LeftArrow or ConsoleKey.A: session.Host.PendingInput = Direction.Left; break;
                        case ConsoleKey.T: autopilot = !autopilot; break;
                        case ConsoleKey.P: paused = !paused; break;
                        case ConsoleKey.R: session.Reset(); started = false; break;
                        case ConsoleKey.Q or ConsoleKey.Escape: return 0;
                    }
                }
                if (!started)
                {
                    clock.Restart(); // the first step comes one tick after the first key, not at once
                }
                else if (!paused && session.Last.Alive != 0 && clock.ElapsedMilliseconds >= tickMs)
                {
                    clock.Restart();
                    session.Step(autopilot);
                    dirty = true;
                }
                if (dirty)
                    Draw(session, autopilot, paused, started, lastLog);
                dirty = false;
                Thread.Sleep(10);
            }
        }
        finally
        {
            Console.ResetColor();
            Console.CursorVisible = true;
            Console.SetCursorPosition(0, session.Height + 5);
            Console.WriteLine($"{session.Description}: score {session.Last.Score}");
        }
    }

    private static void Draw(GameSession session, bool autopilot, bool paused, bool started, string lastLog)
    {
        int w = session.Width, h = session.Height;
        bool dead = session.Last.Alive == 0;
        Console.SetCursorPosition(0, 0);
        Console.ForegroundColor = ConsoleColor.DarkGray;
        Console.WriteLine("+" + new string('-', w * 2) + "+");
        for (int y = 0; y < h; y++)
        {
            Console.ForegroundColor = ConsoleColor.DarkGray;
            Console.Write('|');
            for (int x = 0; x < w; x++)
            {
                Cell cell = session.Board[y * w + x];
                (ConsoleColor color, string glyph) = (CellKind)cell.Kind switch
                {
                    CellKind.Head => (dead ? ConsoleColor.Gray : ConsoleColor.Yellow, "██"),
                    CellKind.Body => (dead ? ConsoleColor.DarkGray : cell.Age % 2 == 0 ? ConsoleColor.Green : ConsoleColor.DarkGreen, "██"),
                    CellKind.Food => (ConsoleColor.Red, "<>"),
                    _ => (ConsoleColor.DarkGray, " ·"),
                };
                Console.ForegroundColor = color;
                Console.Write(glyph);
            }
            Console.ForegroundColor = ConsoleColor.DarkGray;
            Console.WriteLine('|');
        }
        Console.WriteLine("+" + new string('-', w * 2) + "+");
        // Text the guest drew on the board (row < h), e.g. GAME OVER, goes over the cells; the rest is the HUD line.
        foreach (var (at, text) in session.Host.Texts)
        {
            if (at.Y >= h || at.X < 0 || at.Y < 0) continue;
            Console.SetCursorPosition(1 + at.X * 2, 1 + at.Y);
            Console.ForegroundColor = ConsoleColor.White;
            Console.BackgroundColor = ConsoleColor.DarkRed;
            Console.Write(text.Length > w * 2 - at.X * 2 ? text[..Math.Max(0, w * 2 - at.X * 2)] : text);
            Console.ResetColor();
        }
        Console.SetCursorPosition(0, h + 2);
        Console.ResetColor();
        // The HUD the guest drew with env.draw_text (row h is the first line under the board).
        var hud = new StringBuilder();
        foreach (var (at, text) in session.Host.Texts)
        {
            if (at.Y != h) continue;
            while (hud.Length < at.X * 2) hud.Append(' ');
            hud.Append(text);
        }
        WriteLinePadded(hud.ToString());
        string status = dead ? "game over: r restarts, q quits"
            : !started ? "press an arrow key or WASD to start (t: autopilot), q quits"
            : paused ? "paused: p resumes"
            : autopilot ? "autopilot on (t toggles), q quits" : "arrows/WASD steer, t autopilot, p pause, q quits";
        WriteLinePadded($"{session.Description} | {status}");
        WriteLinePadded($"log: {lastLog}");
    }

    /// <summary>Writes a line over whatever the previous frame left there, cut at the terminal's width.</summary>
    private static void WriteLinePadded(string text)
    {
        int width = Math.Max(1, Console.WindowWidth - 1);
        Console.WriteLine(text.Length >= width ? text[..width] : text.PadRight(width));
    }
}
