using WasmMarshal.Generators.Abi;

namespace WasmMarshal.Generators.Model;

/// <summary>
/// A value that crosses as one i32 the host never dereferences: an opaque handle, or a function pointer (a table index
/// the host put one of its functions at). Shaped <see cref="ValueShape.Scalar"/> with <see cref="ScalarKind.U32"/>, so
/// every ABI and guest binding treats it as the 32-bit pointer it is; only the C# conversions differ.
/// </summary>
internal enum OpaqueKind
{
    None,

    /// <summary><c>WasmMarshal.WasmHandle&lt;T&gt;</c>: its <c>Address</c> goes in, a new handle comes back.</summary>
    Handle,

    /// <summary>A delegate: placed in the guest's function table for the one call, released in <c>finally</c>.</summary>
    Callback,

    /// <summary><c>WasmMarshal.WasmCallback&lt;TDelegate&gt;</c>: already in the table; its index is passed.</summary>
    RegisteredCallback,
}

/// <summary>A callback delegate type that an interface's methods take, and how its host function reads the guest's arguments.</summary>
/// <param name="DelegateDisplay">The fully qualified delegate type.</param>
/// <param name="Name">The delegate's name, for messages (<c>XmlStartElementHandler</c>).</param>
/// <param name="Factory">The name of the generated method that wraps a delegate in a Wasmtime function.</param>
/// <param name="Invoke">The delegate's Invoke method lowered as a host function (the guest calls the host).</param>
internal sealed record CallbackModel(string DelegateDisplay, string Name, string Factory, LoweredMethod Invoke);
