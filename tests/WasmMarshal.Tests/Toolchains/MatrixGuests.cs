using System;
using System.Collections.Generic;
using WasmMarshal.Profiles;
using WasmMarshal.Tests.Support;

namespace WasmMarshal.Tests.Toolchains;

/// <summary>
/// Opens a matrix guest the way an application would: the detected <see cref="GuestProfile"/> decides which interface
/// (UTF-8 or AssemblyScript strings) binds it and whether it needs the host heap as its malloc.
/// </summary>
public static class MatrixGuests
{
    /// <summary>Each matrix guest binary and the toolchain name it reports.</summary>
    public static readonly IReadOnlyList<(string Module, string Toolchain)> All =
    [
        ("matrix_wasi", "C (wasi-libc)"),
        ("matrix_stackfirst", "C (freestanding, stack first, own allocator)"),
        ("matrix_host_heap", "C (freestanding, host heap)"),
        ("em_matrix", "C (Emscripten)"),
        ("rust_matrix", "Rust"),
        ("as_matrix", "AssemblyScript"),
    ];

    public static MatrixSession Open(string module)
    {
        var compiled = TestGuests.Load(module);
        var profile = GuestProfile.Detect(compiled);
        var observer = new MatrixObserver();
        var builder = WasmGuest.Builder(TestGuests.MovingEngine, compiled);
        bool assemblyScript = profile.StringEncoding == WasmStringEncoding.AssemblyScript;
        if (assemblyScript)
        {
            builder.Export<IMatrixHostAs>(observer).Export<IMatrixHostAsStrings>(observer);
        }
        else
        {
            builder.Export<IMatrixHost>(observer);
        }

        var guest = builder.Instantiate();
        IMatrixCalls calls = assemblyScript ? new AssemblyScriptMatrix(guest.Import<IMatrixGuestAs>()) : new Utf8Matrix(guest.Import<IMatrixGuest>());
        return new MatrixSession(guest, calls, observer, profile);
    }

    private sealed class Utf8Matrix(IMatrixGuest guest) : IMatrixCalls
    {
        public string Toolchain() => guest.Toolchain();
        public string Join(string left, string right) => guest.Join(left, right);
        public void Step(ref Particle particle, float dt) => guest.Step(ref particle, dt);
        public int PrefixSums(ReadOnlySpan<int> input, Span<int> output) => guest.PrefixSums(input, output);
        public void Notify(string label) => guest.Notify(label);
        public int Grow(int kib) => guest.Grow(kib);
    }

    private sealed class AssemblyScriptMatrix(IMatrixGuestAs guest) : IMatrixCalls
    {
        public string Toolchain() => guest.Toolchain();
        public string Join(string left, string right) => guest.Join(left, right);
        public void Step(ref Particle particle, float dt) => guest.Step(ref particle, dt);
        public int PrefixSums(ReadOnlySpan<int> input, Span<int> output) => guest.PrefixSums(input, output);
        public void Notify(string label) => guest.Notify(label);
        public int Grow(int kib) => guest.Grow(kib);
    }
}

/// <summary>An instantiated matrix guest.</summary>
public sealed record MatrixSession(WasmGuest Guest, IMatrixCalls Calls, MatrixObserver Observer, GuestProfile Profile) : IDisposable
{
    public int Pages => (int)(Guest.Memory.Length / 65536);

    public void Dispose() => Guest.Dispose();
}

/// <summary>The host side of the callback: records every observation.</summary>
public sealed class MatrixObserver : IMatrixHost, IMatrixHostAs, IMatrixHostAsStrings
{
    public List<(string Label, Particle Particle)> Observed { get; } = new();

    public string Decorate(string text) => "«" + text + "»";

    public void Observe(string label, in Particle particle) => Observed.Add((label, particle));
}
