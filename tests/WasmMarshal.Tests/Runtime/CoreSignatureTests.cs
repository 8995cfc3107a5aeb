using Wasmtime;
using WasmMarshal.Binding;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Bind-time checks compare value kinds; the text form exists only for messages.</summary>
public sealed class CoreSignatureTests
{
    [Fact]
    public void Kinds_are_compared_one_by_one_and_formatted_for_messages()
    {
        var expected = CoreSignature.Function(ValueKind.Int32, ValueKind.Int32, ValueKind.Int64);

        Assert.True(expected.Matches(new[] { ValueKind.Int32, ValueKind.Int64 }, new[] { ValueKind.Int32 }));
        Assert.False(expected.Matches(new[] { ValueKind.Int64, ValueKind.Int32 }, new[] { ValueKind.Int32 }));
        Assert.False(expected.Matches(new[] { ValueKind.Int32, ValueKind.Int64 }, new ValueKind[0]));
        Assert.Equal("(i32, i64) -> i32", expected.ToString());
        Assert.Equal("() -> ()", CoreSignature.Action().ToString());
        Assert.Equal(CoreSignature.Action(ValueKind.Float32), new CoreSignature(new[] { ValueKind.Float32 }, new ValueKind[0]));
        Assert.NotEqual(CoreSignature.Action(ValueKind.Float32), CoreSignature.Function(ValueKind.Float32));
    }

    [Fact]
    public void A_module_export_of_another_type_is_reported_with_both_types()
    {
        using var module = Module.FromText(TestGuests.MovingEngine, "m", """(module (func (export "f") (param i32) (result i32) local.get 0) (memory (export "memory") 1))""");
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, module).Instantiate();
        var binder = new ImportBinder(guest, "Demo.IGuest");
        binder.Expect("f", "F", CoreSignature.Function(ValueKind.Int32, ValueKind.Int32, ValueKind.Int32));
        binder.Expect("f", "G", CoreSignature.Function(ValueKind.Int32, ValueKind.Int32));
        binder.Expect("g", "H", CoreSignature.Action());

        var error = Assert.Throws<WasmBindingException>(binder.Complete);
        Assert.Contains("expected (i32, i32) -> i32, found (i32) -> i32", error.Message);
        Assert.Contains("missing", error.Message);
        Assert.DoesNotContain("Demo.IGuest.G", error.Message);
    }
}
