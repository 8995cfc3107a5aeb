namespace WasmMarshal.Inspection;

/// <summary>
/// A constant expression (a global's initializer or a data segment's offset), as text in wasm-objdump's style and,
/// when it can be computed without instantiating, as a value.
/// </summary>
/// <param name="Text">For example <c>i32=1024</c> or <c>global.get 0</c>.</param>
/// <param name="Value">The integer value, or null when it depends on an import or is not an integer.</param>
public sealed record WasmConstExpression(string Text, long? Value)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
