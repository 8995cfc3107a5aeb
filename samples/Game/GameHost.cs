using System;
using System.Collections.Generic;

namespace WasmMarshal.Samples.Game;

/// <summary>The host side of the guest's imports: log lines, HUD text, the player's input and a seeded, deterministic
/// generator.</summary>
public sealed class GameHost : IGameHost
{
    private ulong _state;

    public GameHost(uint seed)
    {
        // SplitMix64 of the seed, so that nearby seeds give unrelated sequences; never zero (xorshift's fixed point).
        ulong z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        _state = (z ^ (z >> 31)) | 1;
    }

    /// <summary>Every line the guest logged, in order.</summary>
    public List<string> LogLines { get; } = new();

    /// <summary>HUD text the guest drew since the last <see cref="ClearText"/>.</summary>
    public List<(Point At, string Text)> Texts { get; } = new();

    /// <summary>Also called for every log line, e.g. to print it.</summary>
    public Action<string>? OnLog { get; set; }

    public void Log(string message)
    {
        LogLines.Add(message);
        OnLog?.Invoke(message);
    }

    public void DrawText(Point at, string text) => Texts.Add((at, text));

    public uint Random(uint bound)
    {
        if (bound == 0) return 0;
        // xorshift64*: the same sequence on every platform and .NET version.
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        ulong r = _state * 0x2545F4914F6CDD1DUL;
        return (uint)((r >> 32) % bound);
    }

    public void ClearText() => Texts.Clear();

    /// <summary>The move <see cref="ReadInput"/> hands to the guest next; a key press sets it.</summary>
    public Direction PendingInput { get; set; }

    public Direction ReadInput()
    {
        Direction input = PendingInput;
        PendingInput = Direction.None;
        return input;
    }
}
