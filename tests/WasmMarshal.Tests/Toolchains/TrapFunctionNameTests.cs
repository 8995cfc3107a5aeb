using Wasmtime;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Toolchains;

/// <summary>
/// The committed C guests keep their <c>name</c> section (guests/build.sh, docs/guests/c.md), so a trap's wasm backtrace
/// names the guest function that trapped instead of <c>&lt;wasm function N&gt;</c>.
/// </summary>
public sealed class TrapFunctionNameTests
{
    [Fact]
    public void A_trap_in_a_c_guest_names_the_guest_function_in_its_backtrace()
    {
        using var fixture = TestGuests.MarshalTest();
        var scalars = fixture.Guest.Import<IScalars>();

        var error = Assert.Throws<WasmTrapException>(() => scalars.DoTrap());

        var trap = Assert.IsType<TrapException>(error.InnerException);
        Assert.Contains("!do_trap", trap.Message);
        Assert.DoesNotContain("<wasm function", trap.Message);
    }
}
