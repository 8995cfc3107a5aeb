using System;
using System.IO;
using Wasmtime;

namespace WasmMarshal.Samples.Game;

/// <summary>One game running in a guest: the C or Rust build of the snake logic.</summary>
public sealed class GameSession : IDisposable
{
    /// <summary>The board sizes the guests accept (they clamp anything else).</summary>
    public const int MinSize = 6, MaxSize = 64;

    private readonly Engine _engine;
    private readonly Module _module;
    private readonly WasmGuest _guest;
    private readonly IGameLogic _logic;

    public GameSession(string guest, uint seed, int width = 24, int height = 16, string? guestDir = null)
    {
        if (width < MinSize || width > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"the board is {MinSize} to {MaxSize} cells wide");
        if (height < MinSize || height > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(height), height, $"the board is {MinSize} to {MaxSize} cells high");
        Width = width;
        Height = height;
        Host = new GameHost(seed);
        Board = new Cell[width * height];
        string path = Path.Combine(guestDir ?? AppContext.BaseDirectory, WasmFile(guest));
        _engine = new Engine();
        try
        {
            _module = Module.FromFile(_engine, path);
            _guest = WasmGuest.Builder(_engine, _module).Export<IGameHost>(Host).Instantiate();
            _logic = _guest.Import<IGameLogic>();
        }
        catch
        {
            _guest?.Dispose();
            _module?.Dispose();
            _engine.Dispose();
            throw;
        }
        Description = _logic.Describe();
        Reset();
    }

    /// <summary>The .wasm file of a guest: "c" or "rust".</summary>
    public static string WasmFile(string guest) => guest switch
    {
        "c" => "game_snake.wasm",
        "rust" => "rust_game_snake.wasm",
        _ => throw new ArgumentException($"unknown guest '{guest}' (expected c or rust)", nameof(guest)),
    };

    public int Width { get; }
    public int Height { get; }
    public GameHost Host { get; }
    public string Description { get; }

    /// <summary>The board after the last step, row-major.</summary>
    public Cell[] Board { get; }

    public StepInfo Last { get; private set; }

    /// <summary>How many games have been started (1 after construction).</summary>
    public int Games { get; private set; }

    public void Reset()
    {
        Host.ClearText();
        Last = _logic.Reset(Width, Height, Board);
        Games++;
    }

    /// <summary>One tick, steered by the guest's autopilot or by <see cref="GameHost.PendingInput"/>; the guest
    /// rewrites <see cref="Board"/> and the HUD text.</summary>
    public StepInfo Step(bool autopilot)
    {
        Host.ClearText();
        Last = _logic.Step(autopilot, Board);
        return Last;
    }

    public void Dispose()
    {
        _guest.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }
}
