using Wasmtime;
using WasmMarshal.Binding;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Signatures with one result share a result array per kind: each must still keep its own kind.</summary>
public sealed class CoreSignatureTests
{
    [Theory]
    [InlineData(ValueKind.Int32, "(i32, i64) -> i32")]
    [InlineData(ValueKind.Int64, "(i32, i64) -> i64")]
    [InlineData(ValueKind.Float32, "(i32, i64) -> f32")]
    [InlineData(ValueKind.Float64, "(i32, i64) -> f64")]
    [InlineData(ValueKind.V128, "(i32, i64) -> v128")]
    [InlineData(ValueKind.ExternRef, "(i32, i64) -> externref")]
    public void A_function_signature_keeps_its_result_kind(ValueKind result, string text)
    {
        var signature = CoreSignature.Function(result, ValueKind.Int32, ValueKind.Int64);
        Assert.Equal(text, signature.ToString());
        Assert.Equal([result], signature.Results);
        Assert.True(signature.Matches([ValueKind.Int32, ValueKind.Int64], [result]));
        Assert.False(signature.Matches([ValueKind.Int32, ValueKind.Int64], [result == ValueKind.Int32 ? ValueKind.Int64 : ValueKind.Int32]));
    }

    [Fact]
    public void Signatures_that_differ_only_in_their_result_differ()
    {
        Assert.NotEqual(CoreSignature.Function(ValueKind.Int32, ValueKind.Int32), CoreSignature.Function(ValueKind.Float64, ValueKind.Int32));
        Assert.Equal(CoreSignature.Function(ValueKind.Float64, ValueKind.Int32), CoreSignature.Function(ValueKind.Float64, ValueKind.Int32));
    }
}
