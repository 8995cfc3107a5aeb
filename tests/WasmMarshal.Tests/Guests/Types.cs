using System.Runtime.InteropServices;

namespace WasmMarshal.Tests.Guests;

/// <summary>An enum that crosses as its underlying byte (C: uint8_t).</summary>
public enum Color : byte
{
    None = 0,
    Red = 1,
    Green = 2,
    Blue = 3,
}

/// <summary>An enum that crosses as its underlying ulong (C: uint64_t).</summary>
public enum WideFlags : ulong
{
    None = 0,
    Low = 1,
    High = 1ul << 63,
}

/// <summary>C: <c>typedef struct { float x, y, z; } vec3;</c> (12 bytes, align 4).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Vec3
{
    public float X;
    public float Y;
    public float Z;

    public Vec3(float x, float y, float z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public override readonly string ToString() => $"({X}, {Y}, {Z})";
}

/// <summary>C: <c>particle</c> in marshal_test.h (64 bytes, align 8, with padding after kind and alive).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Particle
{
    public byte Kind;
    public double Mass;
    public Vec3 Position;
    public int Id;
    [MarshalAs(UnmanagedType.U1)]
    public bool Alive;
    public short Level;
    public fixed byte Name[16];
    public long Score;

    public string NameText
    {
        readonly get
        {
            fixed (byte* name = Name)
            {
                int length = 0;
                while (length < 16 && name[length] != 0)
                {
                    length++;
                }

                return System.Text.Encoding.ASCII.GetString(name, length);
            }
        }
        set
        {
            fixed (byte* name = Name)
            {
                var span = new System.Span<byte>(name, 16);
                span.Clear();
                System.Text.Encoding.ASCII.GetBytes(value, span);
            }
        }
    }
}
