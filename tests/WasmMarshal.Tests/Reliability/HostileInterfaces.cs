using System;

namespace WasmMarshal.Tests.Reliability;

// The C side is guests/c/hostile.c (hostile.wasm). Export names are the snake_case of the method names.

/// <summary>What the hostile guest exports.</summary>
[WasmImport]
public partial interface IHostile
{
    void Spin();
    uint SpinWith(string text);
    uint CountTo(uint n);
    uint TrapMidway(string text, ReadOnlySpan<byte> data);
    void DoTrap();

    string LyingStr(uint ptr, uint len);
    [return: WasmString(WasmStringEncoding.Utf16)]
    string LyingStr16(uint ptr, uint units);
    int[] LyingSlice(uint ptr, uint count);
    string StrWithGarbageLength();
    int[] SliceWithWrappingCount();
    string InvalidUtf8();
    [return: WasmString(WasmStringEncoding.Utf16)]
    string UnpairedUtf16();

    int GrowUntilFull();
    int Grow(int pages);
    int MemoryPages();
    int MallocUntilNull(uint size);

    uint Take(string text);
    uint Take2(string a, string b);
    ulong Checksum(ReadOnlySpan<byte> data);

    void CallLog(int length);
    void CallLogRaw(uint ptr, int length);
    void CallLogUnpairedUtf16();
    long CallSum(int count);
    ulong CallMake(int count, int times);
    ulong Visit(uint length);
}

/// <summary>The same exports under other C# types, for results read as nullable.</summary>
[WasmImport]
public partial interface IHostileViews
{
    [WasmName("lying_str")]
    string? LyingStrNullable(uint ptr, uint len);

    [WasmName("lying_slice")]
    int[]? LyingSliceNullable(uint ptr, uint count);

    [WasmName("take")]
    uint TakeUtf16([WasmString(WasmStringEncoding.Utf16)] string text);
}

/// <summary>What the hostile guest imports (module "env").</summary>
[WasmExport("env")]
public partial interface IHostileHost
{
    void Log(string message);
    void LogUtf16([WasmString(WasmStringEncoding.Utf16)] string message);
    long Sum(ReadOnlySpan<int> values);
    byte[] Make(int count);
    void Visit(Span<byte> buffer);
}
