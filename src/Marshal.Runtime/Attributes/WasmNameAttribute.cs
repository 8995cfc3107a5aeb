using System;

namespace WasmMarshal;

/// <summary>Gives the exact wasm export or import name of a method, instead of its snake_case form.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WasmNameAttribute : Attribute
{
    /// <summary>Uses <paramref name="name"/> as the wasm function name.</summary>
    public WasmNameAttribute(string name) => Name = name;

    /// <summary>The wasm function name.</summary>
    public string Name { get; }
}
