using System;
using System.Collections.Generic;
using WasmMarshal.Tests.Guests;

namespace WasmMarshal.Tests.Support;

/// <summary>
/// The host side of the test guest's imports. Each echo returns a value the guest could not have produced itself
/// (the bitwise complement, the negation), and records what it received, so a relay test proves both directions.
/// </summary>
public class RecordingHost : IHostServices
{
    public List<object> Received { get; } = new();

    public List<string?> Logs { get; } = new();

    public Func<string, string> GreetingFactory { get; set; } = name => $"Hi {name} ✓";

    public Vec3 OriginValue { get; set; } = new(1.5f, -2.25f, 1e9f);

    /// <summary>Runs inside <see cref="Log"/> before it records the message.</summary>
    public Action<string>? OnLog { get; set; }

    /// <summary>Runs inside <see cref="Fill"/> before filling, for re-entrancy tests.</summary>
    public Action? BeforeFill { get; set; }

    public int EchoI32(int x) => Record(x, ~x);
    public uint EchoU32(uint x) => Record(x, ~x);
    public long EchoI64(long x) => Record(x, ~x);
    public ulong EchoU64(ulong x) => Record(x, ~x);
    public float EchoF32(float x) => Record(x, -x);
    public double EchoF64(double x) => Record(x, -x);
    public bool EchoBool(bool x) => Record(x, !x);
    public byte EchoU8(byte x) => Record(x, (byte)~x);
    public sbyte EchoI8(sbyte x) => Record(x, (sbyte)~x);
    public short EchoI16(short x) => Record(x, (short)~x);
    public ushort EchoU16(ushort x) => Record(x, (ushort)~x);
    public Color EchoColor(Color x) => Record(x, x == Color.Blue ? Color.Red : x + 1);
    public void Notify(int code) => Received.Add(code);
    public void Log(string message)
    {
        OnLog?.Invoke(message);
        Logs.Add(message);
    }
    public void LogUtf16(string message) => Logs.Add(message);
    public void LogLatin1(string message) => Logs.Add(message);
    public void LogCstr(string? message) => Logs.Add(message);
    public string Greeting(string name) => GreetingFactory(name);
    public void Report(Vec3 v) => Received.Add(v);

    public void Transform(ref Particle particle)
    {
        Received.Add(particle);
        particle.Mass += 0.5;
        particle.Score = -particle.Score;
        particle.NameText = "host:" + particle.NameText;
        particle.Position.Y *= 10;
    }

    public Vec3 Origin() => OriginValue;

    public long Sum(ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (int v in values)
        {
            sum += v;
        }

        Received.Add(values.ToArray());
        return sum;
    }

    public void Fill(Span<byte> buffer)
    {
        BeforeFill?.Invoke();
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(i * 7 + 3);
        }
    }

    public int[] MakeRange(int n)
    {
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = i * i;
        }

        return result;
    }

    private T Record<T>(T received, T result)
    {
        Received.Add(received!);
        return result;
    }
}
