using System.Collections.Generic;
using WasmMarshal.Tests.Guests;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.Runtime;

/// <summary>
/// One interface, guests in Rust and AssemblyScript, each written against the bindings generated from
/// <see cref="IGreeter"/>: strings, spans and structs cross the same way whatever the guest's language.
/// </summary>
public sealed class GreeterGuestTests
{
    public static TheoryData<string, string> Guests => new()
    {
        { "rust_greeter", "Rust" },
        { "as_greeter", "AssemblyScript" },
    };

    [Theory]
    [MemberData(nameof(Guests))]
    public void The_same_interface_works_against_every_language(string module, string language)
    {
        var log = new GreeterLog();
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load(module))
            .Export<IGreeterHost>(log)
            .Instantiate();
        var greeter = guest.Import<IGreeter>();

        Assert.Equal(42, greeter.Add(40, 2));
        Assert.Equal($"Hello, Wörld ✓! (from {language})", greeter.Greet("Wörld ✓"));
        Assert.Equal(new[] { $"greet called from {language}" }, log.Messages);
        Assert.Equal(9u, greeter.WordCount(" the quick brown\tfox jumps over the\nlazy dog "));
        Assert.Equal(2L * int.MinValue + 6, greeter.SumI32(new[] { int.MinValue, int.MinValue, 1, 2, 3 })); // summed in 64 bits
        Assert.Equal(new Vec3(2, -4, 1), greeter.Scale(new Vec3(1, -2, 0.5f), 2));
    }

    [Fact]
    public void The_rust_guest_confirms_every_field_offset_of_the_generated_structs()
    {
        using var guest = WasmGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("rust_greeter"))
            .Export<IGreeterHost>(new GreeterLog())
            .Instantiate();
        Assert.Equal(1, guest.Instance.GetFunction<int>("layout_ok")!());
    }

    private sealed class GreeterLog : IGreeterHost
    {
        public List<string> Messages { get; } = new();

        public void Log(string message) => Messages.Add(message);
    }
}
