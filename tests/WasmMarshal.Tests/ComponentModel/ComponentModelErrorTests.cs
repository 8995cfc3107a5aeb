using System;
using System.Linq;
using WasmMarshal.Canonical;
using WasmMarshal.Components;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

// The misdeclared interfaces name later patch versions of wasmmarshal:test/api, which Wasmtime resolves to the
// component's 0.1.0 export (semver-compatible lookup), so that the generated WIT of the test package (guests/bindings,
// checked against the real guests by WitOutTests) keeps one `api` interface.

/// <summary>Interface <c>wasmmarshal:test/api</c> declared wrongly: one function too many parameters, one missing, one without its result.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:test/api@0.1.1")]
public partial interface IMisdeclaredApi
{
    bool Not(bool b, bool extra);

    uint Missing(uint x);

    void CountBytes(string s);

    uint SumU32(ReadOnlySpan<uint> xs);
}

/// <summary>Right names and parameter counts, wrong types: what only a call can find out on the component-model path.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:test/api@0.1.2")]
public partial interface IMistypedApi
{
    /// <summary>WIT says <c>count-bytes: func(s: string) -> u32</c>.</summary>
    string CountBytes(string s);

    /// <summary>WIT says <c>not: func(b: bool) -> bool</c>.</summary>
    bool Not(uint b);

    /// <summary>Correct.</summary>
    uint? Find(ReadOnlySpan<uint> xs, uint x);
}

/// <summary>An interface the component does not export at all.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:absent/api@0.1.0")]
public partial interface IAbsentApi
{
    bool Not(bool b);
}

/// <summary>A host whose <c>prefix</c> fails.</summary>
public sealed class FailingHost : ITestHost
{
    public void Log(string msg)
    {
    }

    public string Prefix() => throw new InvalidOperationException("the prefix store is offline");
}

/// <summary>The failures of the component-model path are the same typed exceptions as the canonical stubs'.</summary>
public sealed class ComponentModelErrorTests
{
    public static TheoryData<string> Guests() => new() { CanonicalGuests.C, CanonicalGuests.Rust, CanonicalGuests.Js };

    [Theory]
    [MemberData(nameof(Guests))]
    public void Every_missing_or_misdeclared_function_is_listed_at_bind(string guest)
    {
        using var instance = CanonicalGuests.InstantiateComponent(guest, new TestHost());
        var ex = Assert.Throws<WasmBindingException>(() => IMisdeclaredApi.Bind(instance));
        Assert.Equal(3, ex.Mismatches.Count);
        var not = Assert.Single(ex.Mismatches, m => m.Item == "wasmmarshal:test/api@0.1.1#not");
        Assert.Equal("IMisdeclaredApi.Not", not.Member);
        Assert.Equal("a function of 2 parameters with a result", not.Expected);
        Assert.Equal("a function of 1 parameter with a result", not.Actual);
        Assert.Equal("missing", Assert.Single(ex.Mismatches, m => m.Item == "wasmmarshal:test/api@0.1.1#missing").Actual);
        var count = Assert.Single(ex.Mismatches, m => m.Item == "wasmmarshal:test/api@0.1.1#count-bytes");
        Assert.Equal("a function of 1 parameter without a result", count.Expected);
        Assert.Equal("a function of 1 parameter with a result", count.Actual);
        Assert.Contains("IMisdeclaredApi", ex.Message);
    }

    [Fact]
    public void An_interface_the_component_does_not_export_is_missing_as_a_whole()
    {
        using var instance = CanonicalGuests.InstantiateComponent(CanonicalGuests.C, new TestHost());
        var ex = Assert.Throws<WasmBindingException>(() => IAbsentApi.Bind(instance));
        var mismatch = Assert.Single(ex.Mismatches);
        Assert.Equal("wasmmarshal:absent/api@0.1.0#not", mismatch.Item);
        Assert.StartsWith("missing", mismatch.Actual);
    }

    [Fact]
    public void The_registry_finds_the_generated_stub_and_host_definition()
    {
        Assert.NotNull(ComponentModelBindings.GetImport<ITestApi>());
        Assert.NotNull(ComponentModelBindings.GetExport<ITestHost>());
        Assert.NotNull(ComponentModelBindings.GetImport<IMistypedApi>());
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void A_result_of_another_type_is_a_data_error_and_an_argument_of_another_type_a_call_error(string guest)
    {
        using var instance = CanonicalGuests.InstantiateComponent(guest, new TestHost());
        var api = IMistypedApi.Bind(instance);

        // The call succeeded; lifting its u32 as a string cannot: a data error naming the method and the return value.
        var data = Assert.Throws<WasmGuestDataException>(() => api.CountBytes("abc"));
        Assert.Equal("IMistypedApi.CountBytes", data.Method);
        Assert.Equal("return", data.Parameter);
        Assert.Contains("a u32", data.Message);
        Assert.Equal((uint?)1, api.Find(new uint[] { 4, 5 }, 5)); // the instance is still usable

        // Wasmtime type-checks the arguments: a u32 where WIT has a bool fails the call ...
        var call = Assert.Throws<WasmCallException>(() => api.Not(1));
        Assert.Equal("IMistypedApi.Not", call.Method);
        Assert.Contains("type mismatch", call.Message, StringComparison.OrdinalIgnoreCase);
        Assert.IsNotType<WasmGuestDataException>(call);

        // ... and, as after a trap, Wasmtime refuses every later call into the instance: still typed, naming the method.
        var refused = Assert.Throws<WasmCallException>(() => api.Find(new uint[] { 4, 5 }, 5));
        Assert.Equal("IMistypedApi.Find", refused.Method);
        Assert.Contains("cannot enter component instance", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void A_host_function_that_throws_fails_the_guest_call_naming_the_method(string guest)
    {
        using var api = CanonicalGuests.ComponentModel(guest, new FailingHost());
        var ex = Assert.Throws<WasmHostCallbackException>(() => api.Api.Greet("x"));
        Assert.Equal("ITestApi.Greet", ex.Method);
        Assert.Equal("the prefix store is offline", Assert.IsType<InvalidOperationException>(ex.InnerException).Message);
    }

    [Fact]
    public void A_disposed_guest_refuses_calls_with_a_typed_exception()
    {
        var api = CanonicalGuests.ComponentModel(CanonicalGuests.C, new TestHost());
        Assert.True(api.Api.Not(false));
        api.Dispose();
        var ex = Assert.Throws<WasmGuestDisposedException>(() => api.Api.Not(false));
        Assert.Equal("ITestApi.Not", ex.Method);
    }
}
