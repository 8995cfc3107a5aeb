using System;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>Parameters named like the generated locals (which once broke the build) bound to a real guest.</summary>
[WasmImport]
public partial interface IHostileNames
{
    [WasmName("to_upper")]
    string Upper(string @return);

    [WasmName("concat")]
    string Join(string __method, string __result);

    [WasmName("is_null")]
    bool IsNull(string? __view);
}

public sealed class GeneratedNamesTests : IDisposable
{
    private readonly TestGuest _fixture = TestGuests.MarshalTest(new RecordingHost(), ScratchAllocator.GuestMalloc);

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Parameters_named_like_generated_locals_cross_and_keep_their_names_in_errors()
    {
        var names = _fixture.Guest.Import<IHostileNames>();

        Assert.Equal("ABC", names.Upper("abc"));
        Assert.Equal("left-right", names.Join("left-", "right"));
        Assert.True(names.IsNull(null));
        Assert.False(names.IsNull(""));
        Assert.Equal("return", Assert.Throws<ArgumentNullException>(() => names.Upper(null!)).ParamName);
        Assert.Equal("__result", Assert.Throws<ArgumentNullException>(() => names.Join("x", null!)).ParamName);
    }
}
