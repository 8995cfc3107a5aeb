using System;
using System.Runtime.InteropServices;

namespace WasmMarshal.Samples.Game;

/// <summary>A move the player (or the autopilot) asks for. <see cref="None"/> keeps the current heading.</summary>
public enum Direction : int
{
    None = 0,
    Up = 1,
    Right = 2,
    Down = 3,
    Left = 4,
}

/// <summary>What a board cell holds.</summary>
public enum CellKind : int
{
    Empty = 0,
    Body = 1,
    Head = 2,
    Food = 3,
}

/// <summary>One board cell, row-major, written by the guest on every step.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Cell
{
    /// <summary>A <see cref="CellKind"/> value.</summary>
    public int Kind;

    /// <summary>For snake cells: the distance from the head (0 for the head); 0 otherwise.</summary>
    public int Age;
}

/// <summary>A board position (column, row); the HUD line is row <c>height</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Point
{
    public int X;
    public int Y;

    public Point(int x, int y)
    {
        X = x;
        Y = y;
    }
}

/// <summary>The result of one step.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct StepInfo
{
    public int Score;
    public int Length;

    /// <summary>1 while the snake lives, 0 once it has hit a wall or itself.</summary>
    public int Alive;

    /// <summary>The heading after the step (a <see cref="Direction"/> value).</summary>
    public int Heading;
}

/// <summary>The rules of snake and its autopilot; the guest (C or Rust) exports these functions.</summary>
[WasmImport]
public partial interface IGameLogic
{
    /// <summary>A short description of the guest, e.g. "snake (C)".</summary>
    string Describe();

    /// <summary>Starts a new game on a width x height board (4 x 4 up to 64 x 64): the start position, heading and food
    /// come from env.random. Writes the starting board into <paramref name="board"/> as <see cref="Step"/> does.</summary>
    StepInfo Reset(int width, int height, Span<Cell> board);

    /// <summary>Advances one tick: takes the next move from the guest's own autopilot when <paramref name="autopilot"/>
    /// is set, otherwise from the player through env.read_input; turns (unless the move is None or a reversal), moves,
    /// eats, dies; writes the whole board (width * height cells, row-major) into <paramref name="board"/> and draws
    /// the HUD line with env.draw_text.</summary>
    StepInfo Step(bool autopilot, Span<Cell> board);
}

/// <summary>What the host offers the guest (imported as env.*).</summary>
[WasmExport("env")]
public partial interface IGameHost
{
    /// <summary>A log line from the guest.</summary>
    void Log(string message);

    /// <summary>Draws text at a board position (the HUD below the board is row height).</summary>
    void DrawText(Point at, string text);

    /// <summary>A deterministic random number in [0, bound) from the host's seeded generator; 0 when bound is 0.</summary>
    uint Random(uint bound);

    /// <summary>The player's latest move since the previous call (None when no key was pressed).</summary>
    Direction ReadInput();
}
