using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using Wasmtime;

namespace WasmMarshal.Interop;

/// <summary>
/// Makes this assembly's <c>[DllImport("wasmtime")]</c> bind to the very library Wasmtime .NET's own assembly loads
/// (whatever probing or resolver found it for that assembly), so both call one copy of Wasmtime with one set of stores.
/// </summary>
internal static class WasmtimeLibrary
{
    public const string Name = "wasmtime";

    private static int s_registered;

    /// <summary>Installs the resolver once; an application that set its own resolver for this assembly keeps it.</summary>
    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref s_registered, 1) != 0)
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(WasmtimeLibrary).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // A resolver is already set for this assembly: the application decides where libraries come from.
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Name && NativeLibrary.TryLoad(Name, typeof(Function).Assembly, searchPath, out nint handle) ? handle : 0;
}
