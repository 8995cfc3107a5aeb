using System;

namespace WasmMarshal;

/// <summary>
/// Says that a <c>[WasmImport]</c> interface binds an existing C library whose own header declares its functions. The
/// guest bindings then do not redeclare them: instead of <c>IName.h</c> the build writes <c>IName.check.hpp</c>, which
/// includes <see cref="Header"/> and static-asserts, parameter by parameter, that each C prototype is what the C#
/// declaration passes on wasm32 (sizes, signedness, pointers, const), so that a wrong binding (the <c>ulong</c> for
/// <c>uLong</c> mistake) fails the guest build naming the C# method and parameter.
/// </summary>
/// <remarks>
/// The check header is C++ (it reads a parameter's type out of the function's type with a template, which C cannot):
/// compile it with <c>clang++ --target=wasm32-wasi -fsyntax-only -I library/include IName.check.hpp</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class WasmLibraryHeaderAttribute : Attribute
{
    /// <summary>Checks the interface against the C header <paramref name="header"/> (as <c>#include &lt;header&gt;</c> finds it).</summary>
    public WasmLibraryHeaderAttribute(string header) => Header = header;

    /// <summary>The library's header, as an <c>#include &lt;...&gt;</c> names it.</summary>
    public string Header { get; }
}
