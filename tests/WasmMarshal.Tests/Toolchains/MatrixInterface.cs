using System;
using System.Runtime.InteropServices;

namespace WasmMarshal.Tests.Toolchains;

// The one test interface of the toolchain matrix. Every guest in guests/*/matrix.* implements it against the bindings
// generated from it (guests/bindings/IMatrixGuest.*, IMatrixHost.*). The AssemblyScript guest uses its own string
// convention, so it has the same interface with [WasmString(AssemblyScript)] on the interface (IMatrixGuestAs); the
// tests drive both through IMatrixCalls.

/// <summary>A moving point: 20 bytes, align 4 in every guest language.</summary>
[StructLayout(LayoutKind.Sequential)]
public record struct Particle(float X, float Y, float Vx, float Vy, int Bounces);

/// <summary>What the tests call, whichever string convention the guest uses.</summary>
public interface IMatrixCalls
{
    /// <summary>The guest's toolchain, as the guest spells it.</summary>
    string Toolchain();

    /// <summary><c>left + " & " + right</c>, built in the guest.</summary>
    string Join(string left, string right);

    /// <summary>Moves the particle by dt; below y = 0 it bounces (y and vy flip sign, Bounces + 1).</summary>
    void Step(ref Particle particle, float dt);

    /// <summary>Writes the running sums of input into output; returns how many were written.</summary>
    int PrefixSums(ReadOnlySpan<int> input, Span<int> output);

    /// <summary>Calls the host's <c>observe</c> with <c>label + "!"</c> and a particle {1.5, -2, 0.25, 8, label length in code units}.</summary>
    void Notify(string label);

    /// <summary>Allocates and keeps <paramref name="kib"/> KiB with the guest's own allocator; returns memory pages after.</summary>
    int Grow(int kib);
}

/// <summary>The matrix interface for guests that pass UTF-8 as (ptr, len).</summary>
[WasmImport]
public partial interface IMatrixGuest
{
    string Toolchain();
    string Join(string left, string right);
    void Step(ref Particle particle, float dt);
    int PrefixSums(ReadOnlySpan<int> input, Span<int> output);
    void Notify(string label);
    int Grow(int kib);
}

/// <summary>The matrix host callback for guests that pass UTF-8 as (ptr, len).</summary>
[WasmExport("env")]
public partial interface IMatrixHost
{
    void Observe(string label, in Particle particle);
}

/// <summary>
/// The matrix interface with AssemblyScript strings (one pointer, UTF-16, byte length at ptr - 4): the same members,
/// with the encoding said once for the whole interface.
/// </summary>
[WasmImport]
[WasmString(WasmStringEncoding.AssemblyScript)]
public partial interface IMatrixGuestAs
{
    string Toolchain();
    string Join(string left, string right);
    void Step(ref Particle particle, float dt);
    int PrefixSums(ReadOnlySpan<int> input, Span<int> output);
    void Notify(string label);
    int Grow(int kib);
}

/// <summary>The matrix host callback with an AssemblyScript string.</summary>
[WasmExport("env")]
[WasmString(WasmStringEncoding.AssemblyScript)]
public partial interface IMatrixHostAs
{
    void Observe(string label, in Particle particle);
}

/// <summary>Exports of the AssemblyScript matrix guest outside the shared interface.</summary>
[WasmImport]
public partial interface IMatrixGuestAsChecks
{
    /// <summary>Returns value; a failed <c>assert(value &gt; 0)</c> calls <c>env.abort</c>.</summary>
    int CheckPositive(int value);

    /// <summary>
    /// Decorates text twice through the host's <c>decorate</c>, running a full collection between the two calls:
    /// the first string the host created must survive it as the guest's own.
    /// </summary>
    [WasmString(WasmStringEncoding.AssemblyScript)]
    string DecorateTwice(string text);
}

/// <summary>A host function that returns an AssemblyScript string to the AssemblyScript guest.</summary>
[WasmExport("env")]
public partial interface IMatrixHostAsStrings
{
    [return: WasmString(WasmStringEncoding.AssemblyScript)]
    string Decorate([WasmString(WasmStringEncoding.AssemblyScript)] string text);
}
